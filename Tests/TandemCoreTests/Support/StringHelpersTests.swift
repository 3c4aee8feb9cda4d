import Testing
@testable import TandemCore

/// The byte-level helpers against what the Character-based rules they replaced gave.
struct StringHelpersTests {
    @Test(arguments: [("  a b \t\n", "a b"), ("", ""), (" \t\r\n", ""), ("x", "x"),
                      ("\u{00A0}value\u{2003}", "value"), ("\u{00A0}", ""), (" é ", "é"),
                      ("\u{0085}nel end\u{0085}", "nel end"), ("\u{00A0} mixed \u{00A0}", "mixed")])
    func trimmingWhitespace(input: String, expected: String) {
        #expect(input.trimmingWhitespace() == expected)
        #expect(input[...].trimmingWhitespace() == expected)
        #expect(input.trimmingWhitespace() == characterTrimmed(input))
    }

    @Test(arguments: [("promoted-max", "-", "_", "promoted_max"), ("a--b", "-", "--", "a----b"),
                      ("no match", "-", "_", "no match"), ("", "-", "_", ""), ("x.\n.y", "\n.", "\n\\&.", "x.\n\\&.y"),
                      ("aaa", "aa", "b", "ba"), ("tail-", "-", "", "tail"), ("é-é", "-", "–", "é–é"),
                      ("1,234,567", ",", "", "1234567"), ("same", "", "x", "same")])
    func replacingAll(input: String, target: String, replacement: String, expected: String) {
        #expect(input.replacingAll(target, with: replacement) == expected)
    }

    @Test(arguments: [("a b", ["a", "b"]), ("  a\t\tb \n", ["a", "b"]), ("", []), ("   ", []),
                      ("x\u{00A0}y\u{2003}z", ["x", "y", "z"]), ("é ü", ["é", "ü"]), ("one", ["one"])])
    func words(input: String, expected: [String]) {
        #expect(input.words() == expected)
        #expect(input.words() == input.split(whereSeparator: { $0.isWhitespace }).map(String.init))
    }

    @Test(arguments: ["a b c", "\t\u{0B}\u{0C}\r\nx", "a\u{1C}b", "x\u{0085}y", "ein\u{3000}zwei drei"])
    func wordsAgreeWithCharacterRule(input: String) {
        #expect(input.words() == input.split(whereSeparator: { $0.isWhitespace }).map(String.init))
    }

    @Test(arguments: [(UInt64(0), 1, "0"), (255, 1, "ff"), (255, 4, "00ff"), (0xdead_beef, 4, "deadbeef"),
                      (UInt64.max, 16, "ffffffffffffffff"), (1, 16, "0000000000000001")])
    func hex(value: UInt64, digits: Int, expected: String) {
        #expect(String.hex(value, digits: digits) == expected)
        let standard = String(value, radix: 16)
        #expect(String.hex(value, digits: digits) == String(repeating: "0", count: max(0, digits - standard.count)) + standard)
    }

    @Test(arguments: [("0", 0), ("42", 42), ("007", 7), ("16383", 16383)])
    func decimalNumbers(text: String, expected: Int) {
        #expect(decimalNumber(text) == expected)
        #expect(decimalNumber(text) == Int(text))
    }

    @Test(arguments: ["", " 1", "1 ", "+1", "-1", "1.0", "0x10", "١٢", "12345678901234567890"])
    func notDecimalNumbers(text: String) {
        #expect(decimalNumber(text) == nil)
    }

    @Test func decimalNumberDigitLimit() {
        #expect(decimalNumber("12345", maxDigits: 5) == 12345)
        #expect(decimalNumber("123456", maxDigits: 5) == nil)
    }

    @Test func bytePrefixes() {
        #expect("OCF_RESKEY_ip".hasBytePrefix("OCF_RESKEY_"))
        #expect(!"OCF_RESKE".hasBytePrefix("OCF_RESKEY_"))
        #expect("x".hasBytePrefix(""))
        #expect("OCF_RESKEY_ip".droppingBytes(11) == "ip")
        #expect("lun_é".droppingBytes(4) == "é")
        #expect("abc".droppingBytes(5) == "")
        #expect("a:b".containsByte(UInt8(ascii: ":")) && !"ab".containsByte(UInt8(ascii: ":")))
    }

    @Test(arguments: [([], ", ", ""), (["a"], ", ", "a"), (["a", "b", "c"], "/", "a/b/c"), (["", ""], "-", "-")])
    func joined(parts: [String], separator: String, expected: String) {
        #expect(parts.joined(separator: separator) == expected)
        #expect(parts.lazy.map { $0 }.joined(separator: separator) == expected)  // the standard library's
    }

    /// The rule trimmingWhitespace keeps: Character.isWhitespace at both ends.
    private func characterTrimmed(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[first...last])
    }
}
