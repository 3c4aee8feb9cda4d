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
}
