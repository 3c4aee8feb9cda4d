/// One line of `drbdsetup events2` output, split into its parts but not yet interpreted:
/// `[timestamp] <action> <object> name:<resource> key:value…`.
struct DRBDEventsLine: Sendable, Equatable {
    /// The first word of a line.
    enum Action: String, Sendable {
        case exists, create, change, destroy, rename
        /// Handler invocations (`call helper …`, `response helper …`): not state, ignored.
        case call, response
    }

    let number: Int
    let action: Action
    /// The object word: `resource`, `connection`, `device`, `peer-device`, `path`, `helper`, or `-`.
    let object: String
    /// The `name:` field; absent only for `exists -`.
    let resourceName: String?
    /// The remaining `key:value` fields; for `key:old->new` (events2 `--diff`) the new value.
    let fields: [String: String]

    /// Parses one line (without its newline).
    ///
    /// - Returns: the line, or `nil` for a blank line.
    /// - Throws: `DRBDStateError.malformedLine` when it is not an events2 line.
    static func parse(_ text: Substring, number: Int) throws(DRBDStateError) -> DRBDEventsLine? {
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })[...]
        guard var first = words.popFirst() else { return nil }
        // `--timestamps` prefixes each line with an ISO 8601 time such as 2026-11-22T07:17:45.871509+00:00.
        if Action(rawValue: String(first)) == nil, isTimestamp(first) {
            guard let next = words.popFirst() else { throw malformed(text, number, "timestamp without event") }
            first = next
        }
        guard let action = Action(rawValue: String(first)) else {
            throw malformed(text, number, "unknown event '\(first)'")
        }
        guard let object = words.popFirst() else { throw malformed(text, number, "missing object type") }
        var fields: [String: String] = [:]
        var resourceName: String?
        for word in words {
            guard let colon = word.firstIndex(of: ":"), colon != word.startIndex else {
                throw malformed(text, number, "'\(word)' is not key:value")
            }
            let key = String(word[..<colon])
            var value = word[word.index(after: colon)...]
            if let arrow = value.firstRange(of: "->") { value = value[arrow.upperBound...] }
            if key == "name" && resourceName == nil {
                resourceName = String(value)
            } else {
                fields[key] = String(value)
            }
        }
        if object == "-" {
            guard resourceName == nil, fields.isEmpty else { throw malformed(text, number, "fields after '-'") }
        } else if resourceName == nil || resourceName == "" {
            if action != .call && action != .response { throw malformed(text, number, "missing name:") }
        }
        return DRBDEventsLine(number: number, action: action, object: String(object),
                              resourceName: resourceName, fields: fields)
    }

    private static func isTimestamp(_ word: Substring) -> Bool {
        guard let first = word.first, first.isASCII, first.isNumber else { return false }
        return word.contains("T") && word.allSatisfy { $0.isASCII && ($0.isNumber || "-:.+TZ".contains($0)) }
    }

    private static func malformed(_ text: Substring, _ number: Int, _ reason: String) -> DRBDStateError {
        .malformedLine(.events2, line: number, text: String(text), reason: reason)
    }
}
