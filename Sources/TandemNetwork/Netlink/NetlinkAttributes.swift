/// Route-netlink attributes (`struct rtattr`/`nlattr`): encoding and decoding of the
/// type-length-value list that follows a family header.
public struct NetlinkAttributes: Sendable, Equatable {
    /// Each attribute's type (flag bits masked off) and value, in message order.
    public private(set) var entries: [(type: UInt16, value: [UInt8])] = []

    /// An empty list, to append to.
    public init() {}

    /// Rounds `length` up to netlink's 4-byte alignment (`NLMSG_ALIGN`, `RTA_ALIGN`).
    public static func aligned(_ length: Int) -> Int { (length + 3) & ~3 }

    /// Decodes the attributes in `bytes`; stops at the first one whose length does not fit.
    public init(decoding bytes: ArraySlice<UInt8>) {
        var offset = bytes.startIndex
        while bytes.endIndex - offset >= 4 {
            let length = Int(bytes.hostOrder(UInt16.self, at: offset))
            let type = bytes.hostOrder(UInt16.self, at: offset + 2) & 0x3fff   // NLA_TYPE_MASK
            guard length >= 4, offset + length <= bytes.endIndex else { break }
            entries.append((type, Array(bytes[(offset + 4)..<(offset + length)])))
            offset += NetlinkAttributes.aligned(length)
        }
    }

    /// Appends one attribute.
    public mutating func append(_ type: UInt16, _ value: [UInt8]) { entries.append((type, value)) }

    /// Appends a host-order integer attribute.
    public mutating func append<T: FixedWidthInteger>(_ type: UInt16, integer: T) {
        var bytes: [UInt8] = []
        bytes.appendHostOrder(integer)
        entries.append((type, bytes))
    }

    /// Appends a NUL-terminated string attribute.
    public mutating func append(_ type: UInt16, string: String) { entries.append((type, Array(string.utf8) + [0])) }

    /// The value of the first attribute of `type`.
    public func first(_ type: UInt16) -> [UInt8]? { entries.first { $0.type == type }?.value }

    /// Every value of attributes of `type`.
    public func all(_ type: UInt16) -> [[UInt8]] { entries.filter { $0.type == type }.map(\.value) }

    /// A host-order integer attribute, nil when absent or too short.
    public func integer<T: FixedWidthInteger>(_ type: UInt16, as: T.Type = T.self) -> T? {
        guard let value = first(type), value.count >= MemoryLayout<T>.size else { return nil }
        return value.hostOrder(T.self, at: 0)
    }

    /// A string attribute without its terminating NUL.
    public func string(_ type: UInt16) -> String? {
        first(type).map { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }

    /// The wire form: each attribute padded to 4 bytes.
    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        for (type, value) in entries {
            bytes.appendHostOrder(UInt16(4 + value.count))
            bytes.appendHostOrder(type)
            bytes += value
            bytes += [UInt8](repeating: 0, count: NetlinkAttributes.aligned(value.count) - value.count)
        }
        return bytes
    }

    public static func == (lhs: NetlinkAttributes, rhs: NetlinkAttributes) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.type == $1.type && $0.value == $1.value }
    }
}
