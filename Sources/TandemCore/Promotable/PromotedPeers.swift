/// What notifications told this node about the clone's promoted instances, kept under
/// HA_RSCTMP between invocations (notify variables are not given to start or monitor).
public struct PromotedPeers: Equatable, Sendable {
    /// Nodes other than this one where an instance is promoted.
    public var nodes: Set<String> = []

    public init(nodes: Set<String> = []) { self.nodes = nodes }

    public static func load(_ path: String) -> PromotedPeers {
        guard let bytes = FileContents.read(path, limit: 65536) else { return PromotedPeers() }
        let words = String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0.isWhitespace })
        return PromotedPeers(nodes: Set(words.map(String.init)))
    }

    /// Without the file the next notification rebuilds it; until then no peer is known promoted.
    public func save(_ path: String) {
        try? FileContents.writeAtomically(path, Array((nodes.sorted().joined(separator: "\n") + "\n").utf8),
                                     createDirectory: true)
    }

    /// Folds a post-notification in. Pacemaker's lists describe the clone before the
    /// transition; after it, promoted = promoted − demoted (− stopped) (+ promoted now).
    public mutating func apply(_ event: NotifyEvent, localNode: String?) {
        guard event.timing == .post else { return }
        func others(_ instances: [NotifyEvent.Instance]) -> Set<String> {
            Set(instances.compactMap { $0.node }.filter { $0 != localNode })
        }
        var promoted = others(event.promoted)
        if event.operation != .start { promoted.subtract(others(event.demoting)) }
        if event.operation == .stop { promoted.subtract(others(event.stopping)) }
        if event.operation == .promote { promoted.formUnion(others(event.promoting)) }
        nodes = promoted
    }

    /// A node other than this one that is promoted and stays so after the transition
    /// `event` announces: promoted before it and neither demoted nor stopped in it. Nodes
    /// being promoted in it do not count (ocf:linbit:drbd's reason: for a stacked resource, a
    /// demote would see the promote of the same data and outdate it).
    public static func peerStayingPromoted(after event: NotifyEvent, localNode: String?) -> String? {
        let leaving = Set((event.stopping + event.demoting).compactMap { $0.node })
        return event.promoted.compactMap { $0.node }.first { $0 != localNode && !leaving.contains($0) }
    }
}
