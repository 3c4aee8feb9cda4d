/// Why a text is not valid JSON, and where: byte offset plus 1-based line and column.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong.
    public enum Kind: Sendable, Equatable {
        /// The input ended inside a value (or was empty).
        case unexpectedEnd
        /// A byte that cannot start or continue the expected token.
        case unexpectedByte(UInt8)
        /// A number that breaks the JSON grammar or does not fit a `Double`.
        case invalidNumber(String)
        /// A backslash escape JSON does not define.
        case invalidEscape(UInt8)
        /// A `\u` escape with bad hex digits, or a lone or misordered surrogate.
        case invalidUnicodeEscape(String)
        /// A raw control character (below U+0020) inside a string.
        case controlCharacterInString(UInt8)
        /// String bytes that are not valid UTF-8.
        case invalidUTF8
        /// The same key twice in one object.
        case duplicateKey(String)
        /// More nested arrays/objects than the parser allows.
        case nestingTooDeep(limit: Int)
        /// Something other than white space after the document.
        case trailingData
    }

    /// What was wrong.
    public let kind: Kind
    /// Byte offset from the start of the input (0-based).
    public let offset: Int
    /// 1-based line of `offset`.
    public let line: Int
    /// 1-based column of `offset`, counted in bytes.
    public let column: Int

    /// An error of `kind` at `offset` (line and column 1-based).
    public init(kind: Kind, offset: Int, line: Int, column: Int) {
        self.kind = kind
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// The problem and its position, on one line.
    public var description: String {
        let what: String
        switch kind {
        case .unexpectedEnd: what = "unexpected end of input"
        case .unexpectedByte(let byte): what = "unexpected \(Self.show(byte))"
        case .invalidNumber(let text): what = "invalid number '\(text)'"
        case .invalidEscape(let byte): what = "invalid escape \\\(Self.show(byte))"
        case .invalidUnicodeEscape(let text): what = "invalid unicode escape: \(text)"
        case .controlCharacterInString(let byte): what = "unescaped control character \(Self.show(byte)) in string"
        case .invalidUTF8: what = "string is not valid UTF-8"
        case .duplicateKey(let key): what = "duplicate key \"\(key)\""
        case .nestingTooDeep(let limit): what = "nesting deeper than \(limit)"
        case .trailingData: what = "unexpected data after the JSON value"
        }
        return "JSON: \(what) at line \(line), column \(column) (offset \(offset))"
    }

    private static func show(_ byte: UInt8) -> String {
        (0x21...0x7e).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x" + String(byte, radix: 16)
    }
}
