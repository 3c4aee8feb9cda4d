/// An LVM id (of a VG, LV or PV): 32 characters from `[0-9a-zA-Z]`, displayed by LVM in
/// dashed 6-4-4-4-4-4-6 groups, used without dashes in device-mapper uuids.
public struct LVMIdentifier: Hashable, Sendable, CustomStringConvertible {
    /// The 32 characters, no dashes.
    public let text: String

    /// From the plain or the dashed form.
    public init?(_ text: some StringProtocol) {
        let plain = String(text.filter { $0 != "-" })
        guard plain.utf8.count == 32, plain.utf8.allSatisfy({ $0.isASCIIAlphanumeric }) else { return nil }
        self.text = plain
    }

    public var description: String { text }
}

extension UInt8 {
    var isASCIIAlphanumeric: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
    }
}
