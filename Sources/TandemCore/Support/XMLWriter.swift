/// A minimal XML writer that escapes every text and attribute value, two-space indented.
/// Attributes are ordered pairs, written as given, so output is stable.
struct XMLWriter {

    private(set) var text = ""
    private var depth = 0

    init() { text.reserveCapacity(8192) }

    mutating func raw(_ string: String) { text += string }

    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        line("<" + name + render(attributes) + ">")
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        line("</" + name + ">")
    }

    mutating func empty(_ name: String, _ attributes: [(String, String)] = []) {
        line("<" + name + render(attributes) + "/>")
    }

    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text content: String) {
        line("<" + name + render(attributes) + ">" + XMLWriter.escape(content, quotes: false) + "</" + name + ">")
    }

    private mutating func line(_ string: String) {
        for _ in 0..<depth { text += "  " }
        text += string
        text += "\n"
    }

    private func render(_ attributes: [(String, String)]) -> String {
        var result = ""
        for (key, value) in attributes {
            result += " " + key + "=\"" + XMLWriter.escape(value, quotes: true) + "\""
        }
        return result
    }

    static func escape(_ string: String, quotes: Bool) -> String {
        guard string.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || (quotes && $0 == 0x22) }) else {
            return string
        }
        var result = ""
        result.reserveCapacity(string.utf8.count + 16)
        for character in string {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
