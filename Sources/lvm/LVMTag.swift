import TandemCore

/// An LVM tag: letters, digits and `_+.-/=!:&#`, at most 1024 characters (lvm-string.c
/// `validate_tag`). It goes into a `--config` string, so nothing outside that set may pass.
struct LVMTag: Hashable, Sendable, OCFParameterValue {
    let text: String

    init?(ocfText: String) {
        guard !ocfText.isEmpty, ocfText.utf8.count <= 1024,
              ocfText.unicodeScalars.allSatisfy(Self.isTagCharacter) else { return nil }
        text = ocfText
    }

    /// LVM-activate's default tag.
    static let pacemaker = LVMTag(known: "pacemaker")

    private init(known text: String) { self.text = text }

    static func isTagCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_", "+", ".", "-", "/", "=", "!", ":", "&", "#": true
        default: false
        }
    }

    static var contentType: ParameterContentType { .string }
    var ocfText: String { text }
    static var expectation: String { "an LVM tag (letters, digits and _ + . - / = ! : & #)" }
}
