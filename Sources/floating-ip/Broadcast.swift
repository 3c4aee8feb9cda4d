import TandemCore
import TandemNetwork

/// The `broadcast` parameter, in iproute2's and IPaddr2's words: `+` for the subnet's
/// highest address, `-` for none, or an IPv4 address. An IPv6 address is no value of it:
/// IPv6 has no broadcast.
enum Broadcast: Equatable, OCFParameterValue {
    /// The subnet's highest address (none for /31 and /32).
    case automatic
    case none
    case address(IPAddress)

    static var contentType: ParameterContentType { .string }

    init?(ocfText: String) {
        switch ocfText {
        case "+": self = .automatic
        case "-": self = .none
        default:
            guard let address = IPAddress(ocfText), address.family == .ipv4 else { return nil }
            self = .address(address)
        }
    }

    var ocfText: String {
        switch self {
        case .automatic: "+"
        case .none: "-"
        case .address(let address): address.description
        }
    }

    static var expectation: String { "an IPv4 address, + or -" }
}
