import TandemCore

/// One `additional_parameters` word: an iSCSI target parameter `Name=value`
/// (`MaxRecvDataSegmentLength=262144`, `HeaderDigest=CRC32C,None`), as iSCSITarget passes
/// them on. The name is letters and digits; the value has no white space, `=` or control
/// characters (it goes to tgtd's control socket, configfs or sysfs as it is).
struct TargetSetting: Hashable, Sendable, CustomStringConvertible {
    let name: String
    let value: String

    init?(_ text: String) {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        let name = String(text[..<equals])
        let value = String(text[text.index(after: equals)...])
        guard !name.isEmpty, name.utf8.count <= 64, name.first?.isLetter == true,
              name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }),
              !value.isEmpty, value.utf8.count <= 255,
              value.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7f && $0 != "=" }) else { return nil }
        self.name = name
        self.value = value
    }

    var description: String { name + "=" + value }
}

extension TargetSetting: OCFParameterValue {
    static var contentType: ParameterContentType { .string }
    init?(ocfText: String) { self.init(ocfText) }
    var ocfText: String { description }
    static var expectation: String { "Name=value (an iSCSI target parameter, e.g. MaxRecvDataSegmentLength=262144)" }
}

/// A SCSI inquiry text (`vendor_id` ≤ 8, `product_id` ≤ 16, `scsi_id`, `scsi_sn`): printable
/// ASCII without white space, `,` or `=`, at most `limit` bytes.
struct InquiryText: Hashable, Sendable, CustomStringConvertible {
    let text: String

    init?(_ text: String) {
        guard !text.isEmpty, text.utf8.count <= 64,
              text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7f && $0 != "," && $0 != "=" }) else { return nil }
        self.text = text
    }

    var description: String { text }

    /// A check for `Parameter(check:)`: at most `limit` bytes.
    static func atMost(_ limit: Int) -> @Sendable (InquiryText) -> String? {
        { $0.text.utf8.count <= limit ? nil : "is longer than \(limit) characters" }
    }
}

extension InquiryText: OCFParameterValue {
    static var contentType: ParameterContentType { .string }
    init?(ocfText: String) { self.init(ocfText) }
    var ocfText: String { text }
    static var expectation: String { "printable ASCII without white space, ',' or '='" }
}

/// tgt's backing-store types that serve a block device or file (iSCSILogicalUnit's `tgt_bstype`).
enum TgtBackingStore: String, OCFEnumeration {
    case rdwr
    case aio
}
