/// IPv4 or IPv6.
public enum AddressFamily: Sendable, Hashable, CustomStringConvertible {
    case ipv4, ipv6

    /// `AF_INET` / `AF_INET6`, as netlink messages carry it.
    public var kernelValue: UInt8 { self == .ipv4 ? 2 : 10 }

    /// Bytes in an address: 4 or 16.
    public var byteCount: Int { self == .ipv4 ? 4 : 16 }

    /// Bits in an address, the largest prefix length: 32 or 128.
    public var bitCount: Int { byteCount * 8 }

    /// The family for a netlink `AF_*` value, nil for anything else.
    public init?(kernelValue: UInt8) {
        switch kernelValue {
        case 2: self = .ipv4
        case 10: self = .ipv6
        default: return nil
        }
    }

    public var description: String { self == .ipv4 ? "IPv4" : "IPv6" }
}
