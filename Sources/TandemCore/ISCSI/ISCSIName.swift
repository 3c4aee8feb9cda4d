/// An iSCSI name (RFC 3720 §3.2.6, RFC 3980): a target's or an initiator's.
///
/// - `iqn.YYYY-MM.<reversed domain>[:<anything>]`, lower case (iSCSI names are compared after
///   stringprep folds case; a name that only case makes different is a misconfiguration);
/// - `eui.` and 16 hex digits; `naa.` and 16 or 32 hex digits.
///
/// At most 223 bytes, from `a-z 0-9 - . :` (and hex digits in either case for eui/naa): the
/// name goes into configfs directory names and sysfs commands as it is.
public struct ISCSIName: Hashable, Sendable, CustomStringConvertible {
    public enum Format: String, Sendable { case iqn, eui, naa }

    public let text: String
    public let format: Format

    public init?(_ text: String) {
        guard Self.problem(text) == nil, let format = Format(rawValue: String(decoding: text.utf8.prefix(3).map(Self.lowerASCII), as: UTF8.self))
        else { return nil }
        self.text = text
        self.format = format
    }

    public var description: String { text }

    /// Why `text` is not an iSCSI name, or nil. By bytes: every target and initiator name is
    /// checked at each agent call.
    public static func problem(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return "is empty" }
        guard bytes.count <= 223 else { return "is longer than 223 bytes" }
        let head = bytes.prefix(4).map(lowerASCII)
        let eui = head.elementsEqual("eui.".utf8), naa = head.elementsEqual("naa.".utf8)
        if eui || naa {
            let digits = bytes.dropFirst(4)
            guard (eui ? [16] : [16, 32]).contains(digits.count), digits.allSatisfy(isHexDigit) else {
                return eui ? "is not eui. and 16 hex digits" : "is not naa. and 16 or 32 hex digits"
            }
            return nil
        }
        guard bytes.starts(with: "iqn.".utf8) else {
            return head.elementsEqual("iqn.".utf8) ? "must be lower case" : "does not start with iqn., eui. or naa."
        }
        guard bytes.allSatisfy(isNameCharacter) else {
            return bytes.contains(where: isUpperASCII) ? "must be lower case" : "has characters other than a-z, 0-9, '-', '.' and ':'"
        }
        // iqn.YYYY-MM.<naming authority>
        guard bytes.count > 12, bytes[4...7].allSatisfy(isDigit), bytes[8] == UInt8(ascii: "-"),
              bytes[9...10].allSatisfy(isDigit), bytes[11] == UInt8(ascii: "."),
              let month = decimalNumber(String(decoding: bytes[9...10], as: UTF8.self)), (1...12).contains(month) else {
            return "is not iqn.YYYY-MM.<reversed domain name>[:<name>]"
        }
        let authority = bytes[12...].prefix { $0 != UInt8(ascii: ":") }
        let dot = UInt8(ascii: ".")
        guard let first = authority.first, let last = authority.last, first != dot, last != dot,
              !zip(authority, authority.dropFirst()).contains(where: { $0 == dot && $1 == dot }) else {
            return "has no reversed domain name after iqn.YYYY-MM."
        }
        return nil
    }

    static func isNameCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: ":"): true
        default: false
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }
    static func isUpperASCII(_ byte: UInt8) -> Bool { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) }
    static func lowerASCII(_ byte: UInt8) -> UInt8 { isUpperASCII(byte) ? byte + 0x20 : byte }
}

extension ISCSIName: OCFParameterValue {
    public static var contentType: ParameterContentType { .string }
    public init?(ocfText: String) { self.init(ocfText) }
    public var ocfText: String { text }
    public static var expectation: String { "an iSCSI name (iqn.YYYY-MM.reversed.domain[:name], eui.<16 hex>, naa.<16 or 32 hex>)" }
}
