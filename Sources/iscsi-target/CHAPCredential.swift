import TandemCore

/// A CHAP user name (`incoming_username`): 1 to 255 printable ASCII characters without white
/// space, `,` or `=` (tgtd's control protocol separates its fields with them, LIO and SCST
/// write them into attribute files as they are).
struct CHAPUser: Hashable, Sendable, CustomStringConvertible {
    let text: String

    init?(_ text: String) {
        guard CHAPUser.problem(text) == nil else { return nil }
        self.text = text
    }

    var description: String { text }

    static func problem(_ text: String) -> String? {
        guard !text.isEmpty else { return "is empty" }
        guard text.utf8.count <= 255 else { return "is longer than 255 bytes" }
        guard text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7f && $0 != "," && $0 != "=" }) else {
            return "has characters other than printable ASCII without white space, ',' and '='"
        }
        return nil
    }
}

extension CHAPUser: OCFParameterValue {
    static var contentType: ParameterContentType { .string }
    init?(ocfText: String) { self.init(ocfText) }
    var ocfText: String { text }
    static var expectation: String { "a CHAP user name (printable ASCII, no white space, ',' or '=')" }
}

/// A CHAP secret (`incoming_password`): 1 to 255 printable ASCII characters without white
/// space. Its text is never logged, shown in an exit reason or passed in argv: the tgt backend
/// hands it to tgtd over its control socket.
struct CHAPSecret: Hashable, Sendable, CustomStringConvertible {
    let text: String

    init?(_ text: String) {
        guard !text.isEmpty, text.utf8.count <= 255,
              text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7f }) else { return nil }
        self.text = text
    }

    /// Never the secret itself.
    var description: String { "(secret)" }

    /// RFC 3720 §8.2.1: a secret shorter than 12 bytes (96 bits) can be guessed from a sniffed
    /// exchange; Microsoft's initiator refuses them.
    var isShort: Bool { text.utf8.count < 12 }
}

extension CHAPSecret: OCFParameterValue {
    static var contentType: ParameterContentType { .string }
    init?(ocfText: String) { self.init(ocfText) }
    var ocfText: String { text }
    static var expectation: String { "a CHAP secret (1 to 255 printable ASCII characters, no white space)" }
}
