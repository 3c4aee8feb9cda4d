import TandemCore

/// One word of IPaddr2's `send_arp_opts`, which IPaddr2 hands to its ARP sender: `-A` and
/// `-U` choose the kind of announcement (arping's words for arp_mode), every other word (an
/// option, or an option's value as in `-c 3`) is read and ignored with a warning, never
/// refused, so a migrated CIB keeps working.
enum SendARPOption: Equatable, OCFParameterValue {
    case mode(FloatingIPDeclaration.ARPMode)
    case ignored(String)

    static var contentType: ParameterContentType { .string }

    /// Every word is a value: anything but -A and -U is `ignored`.
    init?(ocfText: String) {
        switch ocfText {
        case "-A": self = .mode(.reply)
        case "-U": self = .mode(.request)
        default: self = .ignored(ocfText)
        }
    }

    var ocfText: String {
        switch self {
        case .mode(.reply): "-A"
        case .mode(.request): "-U"
        case .ignored(let word): word
        }
    }

    static var expectation: String { "arping options" }
}
