/// An address with a prefix length, e.g. `192.168.1.0/24` (a route's destination) or
/// `192.168.1.10/24` (an interface address with its subnet).
public struct Prefix: Sendable, Hashable, CustomStringConvertible {
    /// The address as given (not masked).
    public let address: IPAddress
    /// The number of leading bits that form the network.
    public let length: Int

    /// nil when `length` is outside 0...bits of the family.
    public init?(_ address: IPAddress, length: Int) {
        guard (0...address.family.bitCount).contains(length) else { return nil }
        self.address = address
        self.length = length
    }

    /// True when `other` lies within this prefix.
    public func contains(_ other: IPAddress) -> Bool { address.shares(prefixLength: length, with: other) }

    /// True when `other` (all of it) lies within this prefix: same family, at least as long, inside.
    public func covers(_ other: Prefix) -> Bool { other.length >= length && contains(other.address) }

    public var description: String { "\(address)/\(length)" }

    /// A prefix length as admins write it: `24`, or a contiguous dotted mask such as
    /// `255.255.255.0` (IPv4 only). Returns the length and whether it was a dotted mask;
    /// nil when the text is neither, or the length does not fit `family`.
    public static func parseLength(_ text: String, family: AddressFamily) -> (length: Int, dotted: Bool)? {
        if !text.isEmpty, text.count <= 3, text.allSatisfy({ $0.isASCII && $0.isNumber }),
           text.count == 1 || text.first != "0", let value = Int(text) {
            return (1...family.bitCount).contains(value) ? (value, false) : nil
        }
        guard family == .ipv4, !text.contains(":"), let mask = IPAddress(text) else { return nil }
        let bits = mask.bytes.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let length = bits.leadingZeroBitCount == 0 ? (~bits).leadingZeroBitCount : 0
        // Contiguous: the ones are all leading, so the complement is 0…01…1.
        guard length > 0, length == 32 || (~bits) & (~bits &+ 1) == 0 else { return nil }
        return (length, true)
    }
}
