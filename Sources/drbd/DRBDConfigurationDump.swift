import TandemCore

/// What the agent needs from `drbdadm dump <resource>`.
struct DRBDConfigurationDump: Equatable, Sendable {
    /// `allow-two-primaries yes` (or bare `allow-two-primaries;`) in any net section.
    let allowsTwoPrimaries: Bool

    init(dump text: String) {
        var allows = false
        for rawLine in text.split(separator: "\n") {
            let line = (rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
                .trimmingWhitespace()
            guard line.hasPrefix("allow-two-primaries") else { continue }
            let value = line.dropFirst("allow-two-primaries".count)
                .trimmingCharactersOf(" \t;")
            allows = value.isEmpty || value == "yes"
        }
        allowsTwoPrimaries = allows
    }
}

extension Substring {
    func trimmingCharactersOf(_ set: String) -> String {
        var slice = self[...]
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
