/// A volume group or logical volume name as LVM accepts it: letters, digits and `+_.-`, not
/// starting with `-`, not `.` or `..`, at most 127 characters (lib/misc/lvm-string.c). A
/// name that passes can go into an argv word or a `--config` string as it is: it holds no
/// quote, space, slash or shell metacharacter.
public struct LVMName: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let text: String

    public init?(_ text: String) {
        guard Self.problem(text) == nil else { return nil }
        self.text = text
    }

    public var description: String { text }
    public static func < (lhs: LVMName, rhs: LVMName) -> Bool { lhs.text < rhs.text }

    /// Why `text` is not a name LVM accepts, or nil.
    public static func problem(_ text: String) -> String? {
        if text.isEmpty { return "is empty" }
        if text.utf8.count > 127 { return "is longer than 127 characters" }
        if text == "." || text == ".." { return "is . or .." }
        if text.hasPrefix("-") { return "starts with -" }
        guard text.unicodeScalars.allSatisfy(isNameCharacter) else {
            return "has characters LVM does not allow in names (letters, digits, +, _, ., - only)"
        }
        return nil
    }

    static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "+", "_", ".", "-": true
        default: false
        }
    }

    /// Parts of names LVM keeps for the hidden volumes it makes itself (thin pool data, RAID
    /// images, …; lvm-string.c): an LV of that name is never one an admin activates.
    public static let reservedLogicalVolumeParts = [
        "_cdata", "_cmeta", "_corig", "_cpool", "_cvol", "_imeta", "_iorig", "_mimage", "_mlog",
        "_pmspare", "_rimage", "_rmeta", "_tdata", "_tmeta", "_vdata", "_vorigin", "_wcorig",
    ]

    /// Whether LVM reserves this name for its own hidden volumes.
    public var isReservedForHiddenVolumes: Bool {
        text.hasPrefix("snapshot") || text.hasPrefix("pvmove")
            || Self.reservedLogicalVolumeParts.contains { text.contains($0) }
    }
}

extension LVMName: OCFParameterValue {
    public static var contentType: ParameterContentType { .string }
    public init?(ocfText: String) { self.init(ocfText) }
    public var ocfText: String { text }
    public static var expectation: String {
        "a name LVM accepts (letters, digits, +, _, ., -; not starting with -; at most 127 characters)"
    }
}
