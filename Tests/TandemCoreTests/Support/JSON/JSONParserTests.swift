import Testing
import TandemCore

@Suite struct JSONParserTests {
    private func kind(of text: String) -> JSONParseError.Kind? {
        do {
            _ = try JSONParser.parse(text)
            return nil
        } catch {
            return error.kind
        }
    }

    private func failure(of text: String) -> JSONParseError? {
        do {
            _ = try JSONParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func scalars() throws {
        #expect(try JSONParser.parse("null") == .null)
        #expect(try JSONParser.parse(" true ") == .bool(true))
        #expect(try JSONParser.parse("false") == .bool(false))
        #expect(try JSONParser.parse("\"x\"") == .string("x"))
    }

    @Test func numbers() throws {
        #expect(try JSONParser.parse("0") == .integer(0))
        #expect(try JSONParser.parse("-0") == .integer(0))
        #expect(try JSONParser.parse("65496") == .integer(65496))
        #expect(try JSONParser.parse("-17") == .integer(-17))
        #expect(try JSONParser.parse("9223372036854775807") == .integer(Int64.max))
        #expect(try JSONParser.parse("9223372036854775808") == .double(9223372036854775808.0))
        #expect(try JSONParser.parse("100.00") == .double(100))
        #expect(try JSONParser.parse("12.5") == .double(12.5))
        #expect(try JSONParser.parse("1e3") == .double(1000))
        #expect(try JSONParser.parse("-2.5E-1") == .double(-0.25))
        #expect(try JSONParser.parse("1E+2") == .double(100))
        #expect(JSONValue.double(100).intValue == 100)
        #expect(JSONValue.double(1.5).intValue == nil)
        #expect(JSONValue.integer(3).doubleValue == 3)
    }

    @Test(arguments: ["01", "-", "1.", "1e", "1e+", "--1", "0x10", "1.e3", "-a", "12abc", "[1.5.5]"])
    func invalidNumbers(_ text: String) {
        guard case .invalidNumber = kind(of: text) else {
            Issue.record("expected a number error for \(text), got \(String(describing: kind(of: text)))")
            return
        }
    }

    @Test(arguments: ["+1", ".5", "Infinity"])
    func numbersJSONDoesNotStartThatWay(_ text: String) {
        #expect(kind(of: text) == .unexpectedByte(Array(text.utf8)[0]))
    }

    @Test func numberOutOfRange() {
        #expect(kind(of: "1e400") == .invalidNumber("1e400"))
    }

    @Test func stringEscapes() throws {
        #expect(try JSONParser.parse(#""a\"b\\c\/d\b\f\n\r\t""#) == .string("a\"b\\c/d\u{8}\u{c}\n\r\t"))
        #expect(try JSONParser.parse(#""\u0041\u00e9\u20AC""#) == .string("Aé€"))
        #expect(try JSONParser.parse(#""\u0000""#) == .string("\u{0}"))
        // U+1F600 as a surrogate pair, and raw UTF-8 passes through.
        #expect(try JSONParser.parse(#""\ud83d\ude00""#) == .string("😀"))
        #expect(try JSONParser.parse("\"grüße 😀\"") == .string("grüße 😀"))
    }

    @Test func badStrings() {
        #expect(kind(of: #""\x""#) == .invalidEscape(UInt8(ascii: "x")))
        #expect(kind(of: #""\u12G4""#) == .invalidUnicodeEscape("'\\u' needs four hex digits"))
        #expect(kind(of: #""\ud83d""#) == .invalidUnicodeEscape("high surrogate without low surrogate"))
        #expect(kind(of: #""\ud83dx""#) == .invalidUnicodeEscape("high surrogate without low surrogate"))
        #expect(kind(of: #""\ud83d\u0041""#) == .invalidUnicodeEscape("high surrogate followed by non-low surrogate"))
        #expect(kind(of: #""\ude00""#) == .invalidUnicodeEscape("lone low surrogate"))
        #expect(kind(of: "\"a\tb\"") == .controlCharacterInString(0x09))
        #expect(kind(of: "\"abc") == .unexpectedEnd)
        #expect(kind(of: "\"\\") == .unexpectedEnd)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(bytes: [0x22, 0xff, 0xfe, 0x22]) }
        #expect((try? JSONParser.parse(bytes: [0x22, 0xc3, 0x28, 0x22])) == nil)
    }

    @Test func invalidUTF8IsTyped() {
        do {
            _ = try JSONParser.parse(bytes: [0x5b, 0x22, 0xc3, 0x28, 0x22, 0x5d])
            Issue.record("accepted invalid UTF-8")
        } catch {
            #expect(error.kind == .invalidUTF8)
            #expect(error.offset == 1)
        }
    }

    @Test func nesting() throws {
        let value = try JSONParser.parse(#"{"a": [1, {"b": null}, []], "c": {}, "d": [true, "x"]}"#)
        #expect(value["a"]?.arrayValue?.count == 3)
        #expect(value["a"]?.arrayValue?[1]["b"] == .null)
        #expect(value["c"] == .object([:]))
        #expect(value["d"] == .array([.bool(true), .string("x")]))
        #expect(value["missing"] == nil)
        #expect(value["d"]?["x"] == nil)
        #expect(value.typeName == "object")
    }

    @Test func nestingLimit() throws {
        let ok = String(repeating: "[", count: JSONParser.maximumDepth) + String(repeating: "]", count: JSONParser.maximumDepth)
        #expect(throws: Never.self) { try JSONParser.parse(ok) }
        let deep = String(repeating: "[", count: 100_000)
        #expect(kind(of: deep) == .nestingTooDeep(limit: JSONParser.maximumDepth))
    }

    @Test func duplicateKeysAreRejected() {
        let error = failure(of: "{\"a\": 1,\n \"a\": 2}")
        #expect(error?.kind == .duplicateKey("a"))
        #expect(error?.line == 2)
        #expect(error?.column == 2)
    }

    @Test func garbagePositions() {
        let cases: [(String, JSONParseError.Kind, Int, Int, Int)] = [
            ("", .unexpectedEnd, 0, 1, 1),
            ("   ", .unexpectedEnd, 3, 1, 4),
            ("status: unrecognized option", .unexpectedByte(UInt8(ascii: "s")), 0, 1, 1),
            ("[1,]", .unexpectedByte(UInt8(ascii: "]")), 3, 1, 4),
            ("[1 2]", .unexpectedByte(UInt8(ascii: "2")), 3, 1, 4),
            ("{\"a\" 1}", .unexpectedByte(UInt8(ascii: "1")), 5, 1, 6),
            ("{'a': 1}", .unexpectedByte(UInt8(ascii: "'")), 1, 1, 2),
            ("{\"a\": 1,}", .unexpectedByte(UInt8(ascii: "}")), 8, 1, 9),
            ("[\n  tru\n]", .unexpectedByte(0x0a), 7, 2, 6),
            ("[1]\n x", .trailingData, 5, 2, 2),
            ("[1] [2]", .trailingData, 4, 1, 5),
            ("NaN", .unexpectedByte(UInt8(ascii: "N")), 0, 1, 1),
            ("[1, 2", .unexpectedEnd, 5, 1, 6),
            ("{\"a\":", .unexpectedEnd, 5, 1, 6),
            ("\u{FEFF}[]", .unexpectedByte(0xef), 0, 1, 1),
            ("// c\n[]", .unexpectedByte(UInt8(ascii: "/")), 0, 1, 1),
        ]
        for (text, kind, offset, line, column) in cases {
            let error = failure(of: text)
            #expect(error == JSONParseError(kind: kind, offset: offset, line: line, column: column), "input: \(text)")
        }
    }

    @Test func errorDescriptionNamesThePosition() {
        let error = failure(of: "[\n  x]")
        #expect(error?.description == "JSON: unexpected 'x' at line 2, column 3 (offset 4)")
    }
}
