/// One statement of a DRBD configuration: its words, and the statements of its block.
struct DRBDStatement: Equatable, Sendable {
    let words: [String]
    let block: [DRBDStatement]?

    /// Reads statements; quotes are removed, `#` comments skipped. Unbalanced input yields what
    /// was complete (drbdadm wrote it, so it is well-formed).
    static func parse(_ text: String) -> [DRBDStatement] {
        var tokens = tokenize(text)[...]
        return statements(&tokens)
    }

    private static func statements(_ tokens: inout ArraySlice<String>) -> [DRBDStatement] {
        var result: [DRBDStatement] = []
        var words: [String] = []
        while let token = tokens.popFirst() {
            switch token {
            case ";":
                if !words.isEmpty { result.append(DRBDStatement(words: words, block: nil)) }
                words = []
            case "{":
                result.append(DRBDStatement(words: words, block: statements(&tokens)))
                words = []
            case "}":
                return result
            default:
                words.append(token)
            }
        }
        return result
    }

    private static func tokenize(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var quoted = false
        var comment = false
        for character in text {
            if comment {
                if character == "\n" { comment = false }
                continue
            }
            if quoted {
                if character == "\"" { quoted = false; tokens.append(current); current = "" } else { current.append(character) }
                continue
            }
            switch character {
            case "\"": quoted = true
            case "#": comment = true
            case "{", "}", ";":
                if !current.isEmpty { tokens.append(current); current = "" }
                tokens.append(String(character))
            case " ", "\t", "\n", "\r":
                if !current.isEmpty { tokens.append(current); current = "" }
            default: current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }
}
