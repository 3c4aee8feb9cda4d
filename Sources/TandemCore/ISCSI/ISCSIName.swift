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
        guard Self.problem(text) == nil, let format = Format(rawValue: String(text.prefix(3)).lowercased()) else {
            return nil
        }
        self.text = text
        self.format = format
    }

    public var description: String { text }

    /// Why `text` is not an iSCSI name, or nil.
    public static func problem(_ text: String) -> String? {
        guard !text.isEmpty else { return "is empty" }
        guard text.utf8.count <= 223 else { return "is longer than 223 bytes" }
        let lower = text.lowercased()
        if lower.hasPrefix("eui.") || lower.hasPrefix("naa.") {
            let digits = text.dropFirst(4)
            let counts = lower.hasPrefix("eui.") ? [16] : [16, 32]
            guard counts.contains(digits.count), digits.allSatisfy(\.isHexDigit) else {
                return lower.hasPrefix("eui.") ? "is not eui. and 16 hex digits" : "is not naa. and 16 or 32 hex digits"
            }
            return nil
        }
        guard text.hasPrefix("iqn.") else {
            return text.lowercased().hasPrefix("iqn.") ? "must be lower case" : "does not start with iqn., eui. or naa."
        }
        guard text.unicodeScalars.allSatisfy(isNameCharacter) else {
            return text != lower ? "must be lower case" : "has characters other than a-z, 0-9, '-', '.' and ':'"
        }
        // iqn.YYYY-MM.<naming authority>
        let bytes = Array(text.utf8)
        guard bytes.count > 12, bytes[4...7].allSatisfy(isDigit), bytes[8] == UInt8(ascii: "-"),
              bytes[9...10].allSatisfy(isDigit), bytes[11] == UInt8(ascii: "."),
              let month = Int(String(decoding: bytes[9...10], as: UTF8.self)), (1...12).contains(month) else {
            return "is not iqn.YYYY-MM.<reversed domain name>[:<name>]"
        }
        let authority = text.dropFirst(12).prefix { $0 != ":" }
        guard !authority.isEmpty, !authority.hasPrefix("."), !authority.hasSuffix("."), !authority.contains("..") else {
            return "has no reversed domain name after iqn.YYYY-MM."
        }
        return nil
    }

    static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "0"..."9", "-", ".", ":": true
        default: false
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
}

extension ISCSIName: OCFParameterValue {
    public static var contentType: ParameterContentType { .string }
    public init?(ocfText: String) { self.init(ocfText) }
    public var ocfText: String { text }
    public static var expectation: String { "an iSCSI name (iqn.YYYY-MM.reversed.domain[:name], eui.<16 hex>, naa.<16 or 32 hex>)" }
}
