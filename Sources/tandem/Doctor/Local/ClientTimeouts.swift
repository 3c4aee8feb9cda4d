/// How long an initiator keeps I/O waiting while every path to the SAN is down, from its
/// iscsid.conf and multipath.conf: the iSCSI session's `replacement_timeout` (open-iscsi's
/// default 120 s), then multipath's queueing, `no_path_retry` × `polling_interval` (`queue`:
/// forever; `fail` or unset: none; polling_interval's default is 5 s).
struct ClientTimeouts: Equatable, Sendable {
    let replacementTimeoutSeconds: Int
    /// nil: multipath not configured (the paths' failure reaches the filesystem at once).
    let multipathQueueSeconds: Int?
    /// `no_path_retry queue` (or `features "1 queue_if_no_path"` without no_path_retry).
    let queuesForever: Bool

    static let defaultReplacementTimeout = 120
    static let defaultPollingInterval = 5

    /// Seconds of total path loss the client rides out; nil: forever.
    var survivalSeconds: Int? {
        queuesForever ? nil : replacementTimeoutSeconds + (multipathQueueSeconds ?? 0)
    }

    init(replacementTimeoutSeconds: Int, multipathQueueSeconds: Int?, queuesForever: Bool) {
        self.replacementTimeoutSeconds = replacementTimeoutSeconds
        self.multipathQueueSeconds = multipathQueueSeconds
        self.queuesForever = queuesForever
    }

    /// - Parameters:
    ///   - iscsid: iscsid.conf (`key = value` lines).
    ///   - multipath: multipath.conf, or nil when the client has none. Only its `defaults`
    ///     section is read (a `devices` entry can override it: the check says so).
    init(iscsid: String, multipath: String?) {
        var replacement = Self.defaultReplacementTimeout
        for line in Self.lines(iscsid) {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(" ") }
            if parts.count == 2, parts[0] == "node.session.timeo.replacement_timeout", let value = Int(parts[1]) {
                replacement = value
            }
        }
        replacementTimeoutSeconds = replacement
        guard let multipath else {
            multipathQueueSeconds = nil
            queuesForever = false
            return
        }
        var section: [String] = []
        var retry: String?
        var polling = Self.defaultPollingInterval
        var queueFeature = false
        for line in Self.lines(multipath) {
            if line.hasSuffix("{") {
                section.append(line.dropLast().trimmingCharacters(" "))
                continue
            }
            if line == "}" { _ = section.popLast(); continue }
            guard section == ["defaults"] else { continue }
            let words = line.split(separator: " ", maxSplits: 1).map(String.init)
            guard words.count == 2 else { continue }
            let value = words[1].trimmingCharacters("\"")
            switch words[0] {
            case "no_path_retry": retry = value
            case "polling_interval": polling = Int(value) ?? polling
            case "features": queueFeature = value.contains("queue_if_no_path")
            default: break
            }
        }
        switch retry {
        case "queue": (multipathQueueSeconds, queuesForever) = (nil, true)
        case "fail", nil: (multipathQueueSeconds, queuesForever) = (0, retry == nil && queueFeature)
        case let value?: (multipathQueueSeconds, queuesForever) = ((Int(value) ?? 0) * polling, false)
        }
    }

    /// Lines without comments and surrounding blanks, tabs as spaces.
    private static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { raw in
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            return String(line.map { $0 == "\t" ? " " : $0 }).trimmingCharacters(" ")
        }.filter { !$0.isEmpty }
    }
}
