/// How long an address stays preferred (`ip addr … preferred_lft`): forever, or a number of
/// seconds below the kernel's "infinite" (0xffffffff).
public enum AddressLifetime: Sendable, Hashable, CustomStringConvertible {
    case forever
    case seconds(UInt32)

    /// `forever`, or 1 to 10 decimal digits below 4294967295; nil otherwise.
    public init?(_ text: String) {
        if text == "forever" {
            self = .forever
            return
        }
        guard !text.isEmpty, text.count <= 10, text.allSatisfy({ $0.isASCII && $0.isNumber }),
              let value = UInt32(text), value < UInt32.max else { return nil }
        self = .seconds(value)
    }

    /// The seconds for `ifa_cacheinfo`; nil for forever.
    public var finiteSeconds: UInt32? {
        switch self {
        case .forever: nil
        case .seconds(let value): value
        }
    }

    public var description: String {
        switch self {
        case .forever: "forever"
        case .seconds(let value): String(value)
        }
    }
}
