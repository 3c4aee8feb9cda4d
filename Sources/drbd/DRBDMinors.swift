import TandemCore

/// A resource's minors in volume order, as `drbdadm sh-minor <resource>` prints them (one a
/// line). /proc/drbd shows only minors, so the /proc/drbd source needs them; they are kept
/// under HA_RSCTMP so that a recurring monitor need not run drbdadm.
struct DRBDMinors: Equatable, Sendable {
    let resource: String
    let minors: [Int]

    /// `sh-minor`'s output; nil unless it is one or more minors, one a line.
    init?(resource: String, shMinorOutput text: String) {
        var minors: [Int] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let word = line.trimmingWhitespace()
            if word.isEmpty { continue }
            guard let minor = Int(word), minor >= 0 else { return nil }
            minors.append(minor)
        }
        guard !minors.isEmpty else { return nil }
        self.init(resource: resource, minors: minors)
    }

    init(resource: String, minors: [Int]) {
        self.resource = resource
        self.minors = minors
    }

    /// The cache file: the resource name, then its minors, on one line. A file naming
    /// another resource (drbd_resource changed under the same instance) counts as missing.
    static func load(_ path: String, resource: String) -> DRBDMinors? {
        guard let bytes = FileContents.read(path, limit: 4096) else { return nil }
        let words = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard words.first.map(String.init) == resource else { return nil }
        let minors = words.dropFirst().compactMap { Int($0) }
        guard !minors.isEmpty, minors.count == words.count - 1 else { return nil }
        return DRBDMinors(resource: resource, minors: minors)
    }

    /// Written atomically: a monitor never reads half a file.
    func save(_ path: String) throws(SystemError) {
        let line = ([resource] + minors.map(String.init)).joined(separator: " ") + "\n"
        try FileContents.writeAtomically(path, Array(line.utf8), createDirectory: true)
    }

    /// When the cache is rebuilt from `drbdadm sh-minor`.
    enum Refresh: Equatable, Sendable {
        /// Once per invocation: actions that may run drbdadm anyway (start, reload,
        /// validate-all, probes) pick up configuration changes.
        case always
        /// Only when the cache is missing: recurring monitors and the other actions.
        case whenMissing
    }

    /// Why the minors could not be learned (`drbdadm sh-minor` failed or printed no minor).
    struct LookupFailure: Error, CustomStringConvertible {
        let reason: String
        var description: String { reason }
    }
}

/// The resource is not defined for this host: a probe reports it not running.
extension DRBDMinors.LookupFailure: MissingPrerequisite {}
