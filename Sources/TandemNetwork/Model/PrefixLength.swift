/// A prefix length as admins write it (`cidr_netmask`): `24`, or a contiguous dotted IPv4
/// mask such as `255.255.255.0`. Parsed without knowing the address, so it allows 1...128;
/// whether it fits a family is `fits(_:)`. A dotted mask is remembered as such, so the
/// agent can ask for /N instead and quote the mask as it was written.
public struct PrefixLength: Sendable, Hashable, CustomStringConvertible {
    /// The number of leading network bits, 1...128.
    public let bits: Int
    /// Written as a dotted IPv4 mask rather than a number.
    public let isDottedMask: Bool

    /// A length as a number; nil outside 1...128 (a /0 floating address covers everything).
    public init?(bits: Int) { self.init(bits: bits, isDottedMask: false) }

    /// `24` (decimal, no sign, no leading zero) or a contiguous dotted mask; nil otherwise.
    public init?(_ text: String) {
        if !text.isEmpty, text.count <= 3, text.allSatisfy({ $0.isASCII && $0.isNumber }),
           text.count == 1 || text.first != "0", let value = Int(text) {
            self.init(bits: value, isDottedMask: false)
            return
        }
        guard !text.contains(":"), let mask = IPAddress(text), mask.family == .ipv4 else { return nil }
        let ones = mask.bytes.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        // Contiguous: the complement of the mask is 0…01…1, so adding one to it carries through.
        let hostBits = ~ones
        guard hostBits & (hostBits &+ 1) == 0 else { return nil }
        self.init(bits: ones.nonzeroBitCount, isDottedMask: true)
    }

    private init?(bits: Int, isDottedMask: Bool) {
        guard (1...(isDottedMask ? AddressFamily.ipv4 : .ipv6).bitCount).contains(bits) else { return nil }
        self.bits = bits
        self.isDottedMask = isDottedMask
    }

    /// Whether an address of `family` can have this prefix: at most its bit count, and a
    /// dotted mask only for IPv4.
    public func fits(_ family: AddressFamily) -> Bool {
        bits <= family.bitCount && (!isDottedMask || family == .ipv4)
    }

    /// As it was written: the number, or the dotted mask.
    public var description: String {
        guard isDottedMask else { return String(bits) }
        let ones = UInt32.max << (32 - bits)
        return (0..<4).map { String((ones >> (24 - 8 * $0)) & 0xff) }.joined(separator: ".")
    }
}
