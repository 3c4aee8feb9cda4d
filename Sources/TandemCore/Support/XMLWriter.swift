/// A minimal XML writer that escapes every text and attribute value, two-space indented.
struct XMLWriter {
    private(set) var text = ""
    private var depth = 0

    mutating func raw(_ string: String) { text += string }

    mutating func open(_ name: String, _ attributes: [String: String] = [:], order: [String] = []) {
        line("<" + name + render(attributes, order: order) + ">")
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        line("</" + name + ">")
    }

    mutating func empty(_ name: String, _ attributes: [String: String] = [:], order: [String] = []) {
        line("<" + name + render(attributes, order: order) + "/>")
    }

    mutating func element(_ name: String, _ attributes: [String: String] = [:], text content: String) {
        line("<" + name + render(attributes, order: attributes.keys.sorted()) + ">"
             + XMLWriter.escape(content, quotes: false) + "</" + name + ">")
    }

    private mutating func line(_ string: String) {
        text += String(repeating: "  ", count: depth) + string + "\n"
    }

    /// Attributes in `order`, then any others sorted, so output is stable.
    private func render(_ attributes: [String: String], order: [String]) -> String {
        let keys = order.filter { attributes[$0] != nil } + attributes.keys.filter { !order.contains($0) }.sorted()
        return keys.map { key in " \(key)=\"\(XMLWriter.escape(attributes[key] ?? "", quotes: true))\"" }.joined()
    }

    static func escape(_ string: String, quotes: Bool) -> String {
        var result = ""
        result.reserveCapacity(string.utf8.count)
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
