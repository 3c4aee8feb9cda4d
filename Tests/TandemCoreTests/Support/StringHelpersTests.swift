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
