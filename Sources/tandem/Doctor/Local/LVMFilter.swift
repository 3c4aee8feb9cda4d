import Glibc

/// LVM's `devices/global_filter` as `lvmconfig` prints it: `global_filter=["a|re|","r|re|"]`.
/// A device path is accepted or rejected by the first pattern that matches it, and accepted
/// when none does (lvm.conf(5)); patterns are extended regular expressions.
struct LVMFilter: Equatable, Sendable {
    struct Pattern: Equatable, Sendable {
        let accept: Bool
        let expression: String
        /// As written in lvm.conf (`a|^/dev/drbd.*|`).
        let text: String
    }

    let patterns: [Pattern]

    /// From `lvmconfig --type full devices/global_filter` output (a one-pattern list is
    /// printed without brackets: `global_filter="r|.*|"`); nil when it is not that.
    init?(lvmconfig output: String) {
        guard let line = output.split(whereSeparator: \.isNewline).first(where: { $0.hasPrefix("global_filter=") }) else {
            return nil
        }
        var patterns: [Pattern] = []
        var rest = line.dropFirst("global_filter=".count)
        // Entries are quoted strings separated by commas; the delimiter inside is any character.
        while let start = rest.firstIndex(of: "\"") {
            let afterQuote = rest.index(after: start)
            guard let end = rest[afterQuote...].firstIndex(of: "\"") else { break }
            if let pattern = Self.pattern(String(rest[afterQuote..<end])) { patterns.append(pattern) }
            rest = rest[rest.index(after: end)...]
        }
        self.patterns = patterns
    }

    init(patterns: [Pattern]) { self.patterns = patterns }

    /// `a|re|` → accept `re`; nil for anything that is not `a`/`r`, a delimiter, a pattern, the delimiter.
    static func pattern(_ text: String) -> Pattern? {
        let characters = Array(text)
        guard characters.count >= 3, characters[0] == "a" || characters[0] == "r" else { return nil }
        let delimiter = characters[1]
        guard let end = characters.lastIndex(of: delimiter), end > 1 else { return nil }
        return Pattern(accept: characters[0] == "a", expression: String(characters[2..<end]), text: text)
    }

    /// The pattern that decides `path` (nil: none matches, so LVM accepts it).
    func decidingPattern(for path: String) -> Pattern? {
        patterns.first { Self.matches($0.expression, path) }
    }

    func accepts(_ path: String) -> Bool { decidingPattern(for: path)?.accept ?? true }

    /// POSIX extended regular expression search, as LVM's filter matches.
    static func matches(_ expression: String, _ path: String) -> Bool {
        var regex = regex_t()
        guard regcomp(&regex, expression, REG_EXTENDED | REG_NOSUB) == 0 else { return false }
        defer { regfree(&regex) }
        return regexec(&regex, path, 0, nil, 0) == 0
    }
}
