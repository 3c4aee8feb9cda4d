import TandemCore

/// What notifications told this node about the clone's promoted instances, kept under
/// HA_RSCTMP between invocations (notify variables are not given to start or monitor).
struct PeerNotes: Equatable, Sendable {
    /// Nodes other than this one where an instance is promoted.
    var promotedPeers: Set<String> = []

    static func load(_ path: String) -> PeerNotes {
        guard let bytes = FileContents.read(path, limit: 65536) else { return PeerNotes() }
        let words = String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0.isWhitespace })
        return PeerNotes(promotedPeers: Set(words.map(String.init)))
    }

    func save(_ path: String) {
        try? FileContents.writeAtomically(path, Array((promotedPeers.sorted().joined(separator: "\n") + "\n").utf8),
                                     createDirectory: true)
    }

    /// Folds a post-notification in. Pacemaker's lists describe the clone before the
    /// transition; after it, promoted = promoted − demoted (− stopped) (+ promoted now).
    mutating func apply(_ event: NotifyEvent, localNode: String?) {
        guard event.timing == .post else { return }
        func others(_ instances: [NotifyEvent.Instance]) -> Set<String> {
            Set(instances.compactMap { $0.node }.filter { $0 != localNode })
        }
        var promoted = others(event.promoted)
        if event.operation != .start { promoted.subtract(others(event.demoting)) }
        if event.operation == .stop { promoted.subtract(others(event.stopping)) }
        if event.operation == .promote { promoted.formUnion(others(event.promoting)) }
        promotedPeers = promoted
    }

    /// A node other than this one that is promoted and stays so after the transition
    /// `event` announces: promoted before it and neither demoted nor stopped in it. Nodes
    /// being promoted in it do not count (ocf:linbit:drbd's reason: for a stacked resource, a
    /// demote would see the promote of the same data and outdate it).
    static func peerStayingPromoted(after event: NotifyEvent, localNode: String?) -> String? {
        let leaving = Set((event.stopping + event.demoting).compactMap { $0.node })
        return event.promoted.compactMap { $0.node }.first { $0 != localNode && !leaving.contains($0) }
    }
}
