import TandemCore

/// What the agent needs from `drbdadm dump <resource>`.
struct DRBDConfigurationDump: Equatable, Sendable {
    /// `allow-two-primaries yes` (or bare `allow-two-primaries;`) in any net section.
    let allowsTwoPrimaries: Bool
    /// Some volume is configured `disk none` (diskless on purpose).
    let hasDisklessVolume: Bool

    init(dump text: String) {
        var allows = false
        var diskless = false
        for rawLine in text.split(separator: "\n") {
            let line = (rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
                .trimmingWhitespace()
            if line.hasPrefix("disk") && line.dropFirst("disk".count).trimmingCharactersOf(" \t;") == "none" {
                diskless = true
            }
            guard line.hasPrefix("allow-two-primaries") else { continue }
            let value = line.dropFirst("allow-two-primaries".count)
                .trimmingCharactersOf(" \t;")
            allows = value.isEmpty || value == "yes"
        }
        allowsTwoPrimaries = allows
        hasDisklessVolume = diskless
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
