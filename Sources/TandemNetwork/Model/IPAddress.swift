/// An IPv4 or IPv6 address, parsed and formatted without Foundation or libc.
///
/// Parsing is strict: dotted-quad IPv4 without leading zeros, IPv6 per RFC 4291 §2.2
/// (with `::` and an embedded IPv4 tail) and no zone index. Formatting follows RFC 5952.
public struct IPAddress: Sendable, Hashable, CustomStringConvertible {
    /// The address family.
    public let family: AddressFamily
    /// The address in network byte order: 4 or 16 bytes.
    public let bytes: [UInt8]

    /// 0.0.0.0: every IPv4 address (a listening socket's wildcard).
    public static let anyIPv4 = IPAddress(family: .ipv4, bytes: [0, 0, 0, 0])

    private init(family: AddressFamily, bytes: [UInt8]) {
        self.family = family
        self.bytes = bytes
    }

    /// An address from its network-order bytes; nil unless there are exactly 4 or 16.
    public init?(bytes: some Collection<UInt8>) {
        switch bytes.count {
        case 4: family = .ipv4
        case 16: family = .ipv6
        default: return nil
        }
        self.bytes = Array(bytes)
    }

    /// Parses the textual form; nil when `text` is not exactly one address.
    public init?(_ text: String) {
        if text.utf8.contains(UInt8(ascii: ":")) {
            guard let bytes = IPAddress.parseIPv6(text) else { return nil }
            self.family = .ipv6
            self.bytes = bytes
        } else {
            guard let bytes = IPAddress.parseIPv4(Substring(text)) else { return nil }
            self.family = .ipv4
            self.bytes = bytes
        }
    }

    /// `fe80::/10`, the IPv6 link-local unicast range (needs an interface to be meaningful).
    public var isIPv6LinkLocal: Bool { family == .ipv6 && bytes[0] == 0xfe && bytes[1] & 0xc0 == 0x80 }

    /// 127.0.0.0/8 or ::1.
    public var isLoopback: Bool {
        family == .ipv4 ? bytes[0] == 127 : bytes == [UInt8](repeating: 0, count: 15) + [1]
    }

    /// 224.0.0.0/4 or ff00::/8.
    public var isMulticast: Bool { family == .ipv4 ? bytes[0] & 0xf0 == 0xe0 : bytes[0] == 0xff }

    /// 0.0.0.0 or ::.
    public var isUnspecified: Bool { bytes.allSatisfy { $0 == 0 } }

    /// 255.255.255.255 (IPv4 only).
    public var isLimitedBroadcast: Bool { family == .ipv4 && bytes.allSatisfy { $0 == 0xff } }

    /// The address with every bit after the first `prefixLength` cleared (the network).
    public func masked(to prefixLength: Int) -> IPAddress {
        IPAddress(checkedBytes: bytes.enumerated().map { index, byte in byte & IPAddress.maskByte(index, prefixLength) },
                  family: family)
    }

    /// The address with every bit after the first `prefixLength` set (the IPv4 broadcast).
    public func withHostBitsSet(after prefixLength: Int) -> IPAddress {
        IPAddress(checkedBytes: bytes.enumerated().map { index, byte in byte | ~IPAddress.maskByte(index, prefixLength) },
                  family: family)
    }

    /// True when both addresses agree in their first `prefixLength` bits (same family only).
    public func shares(prefixLength: Int, with other: IPAddress) -> Bool {
        family == other.family && masked(to: prefixLength) == other.masked(to: prefixLength)
    }

    public var description: String {
        family == .ipv4 ? Self.dottedQuad(bytes[...]) : formatIPv6()
    }

    /// "a.b.c.d", by hand: monitors compare portals as text, and map+joined costs more than them.
    static func dottedQuad(_ bytes: ArraySlice<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(15)
        for byte in bytes {
            if !text.isEmpty { text.append(UInt8(ascii: ".")) }
            if byte >= 100 { text.append(UInt8(ascii: "0") + byte / 100) }
            if byte >= 10 { text.append(UInt8(ascii: "0") + byte / 10 % 10) }
            text.append(UInt8(ascii: "0") + byte % 10)
        }
        return String(decoding: text, as: UTF8.self)
    }

    init(checkedBytes: [UInt8], family: AddressFamily) {
        self.bytes = checkedBytes
        self.family = family
    }

    /// The mask byte at `index` for a prefix of `length` bits.
    static func maskByte(_ index: Int, _ length: Int) -> UInt8 {
        let bits = min(8, max(0, length - index * 8))
        return bits == 0 ? 0 : UInt8(truncatingIfNeeded: 0xff << (8 - bits))
    }

    /// RFC 5952: lower case, no leading zeros, the longest run (≥ 2) of zero groups as `::`.
    private func formatIPv6() -> String {
        let groups = (0..<8).map { UInt16(bytes[2 * $0]) << 8 | UInt16(bytes[2 * $0 + 1]) }
        if groups[0..<5].allSatisfy({ $0 == 0 }) && groups[5] == 0xffff {
            return "::ffff:" + Self.dottedQuad(bytes[12...])
        }
        var best = (start: -1, length: 0)
        var index = 0
        while index < 8 {
            guard groups[index] == 0 else { index += 1; continue }
            var end = index
            while end < 8 && groups[end] == 0 { end += 1 }
            if end - index > best.length { best = (index, end - index) }
            index = end
        }
        func hex(_ range: Range<Int>) -> String {
            groups[range].map { String($0, radix: 16) }.joined(separator: ":")
        }
        guard best.length >= 2 else { return hex(0..<8) }
        return hex(0..<best.start) + "::" + hex((best.start + best.length)..<8)
    }
}
