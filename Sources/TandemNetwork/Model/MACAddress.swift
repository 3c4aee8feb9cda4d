/// A 48-bit Ethernet hardware address.
public struct MACAddress: Sendable, Hashable, CustomStringConvertible {
    /// The six bytes, in wire order.
    public let bytes: [UInt8]

    /// nil unless `bytes` holds exactly six bytes.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 6 else { return nil }
        self.bytes = Array(bytes)
    }

    /// ff:ff:ff:ff:ff:ff.
    public static let broadcast = MACAddress(unchecked: [UInt8](repeating: 0xff, count: 6))
    /// 00:00:00:00:00:00.
    public static let zero = MACAddress(unchecked: [UInt8](repeating: 0, count: 6))

    /// The Ethernet multicast address an IPv6 multicast group maps to (RFC 2464 §7: 33:33 + last 32 bits).
    public static func ipv6Multicast(_ group: IPAddress) -> MACAddress {
        MACAddress(unchecked: [0x33, 0x33] + group.bytes.suffix(4))
    }

    private init(unchecked bytes: [UInt8]) { self.bytes = bytes }

    public var description: String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined(separator: ":")
    }
}
