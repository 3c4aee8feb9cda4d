/// A primitive resource (`<resource>`): one instance of an agent.
///
/// Anonymous clone instances all carry the clone's primitive id (e.g. `drbd0`), without
/// an instance suffix, and stopped instances are listed too; they are never merged.
public struct PrimitiveResource: Sendable, Equatable {
    public var id = ""
    /// The agent, or nil when `resource_agent` could not be split (kept in `agentText`).
    public var agent: ResourceAgent?
    /// `resource_agent` exactly as written.
    public var agentText = ""
    public var role: ResourceRole = .unknown
    public var targetRole: ResourceRole?
    public var active = false
    /// `orphaned` (≤ 3.0.1) or `removed` (≥ 3.0.2): no longer in the configuration.
    public var orphaned = false
    public var blocked = false
    public var managed = true
    public var failed = false
    public var failureIgnored = false
    public var maintenance = false
    public var nodesRunningOn = 0
    /// The action in flight, when `record-pending` shows one (e.g. "Starting").
    public var pending: String?
    /// The node a shutdown lock ties the resource to.
    public var lockedTo: String?
    public var description: String?
    /// The nodes the instance is active on (more than one only when it is multi-active).
    public var nodes: [ResourceNode] = []

    /// An empty resource; the parser fills it in.
    public init() {}

    /// The node names the instance is active on.
    public var nodeNames: [String] { nodes.map { $0.name } }

    /// The id without an instance suffix (`drbd0:1` → `drbd0`), as unique clones write it.
    public var baseID: Substring {
        guard let colon = id.lastIndex(of: ":"), colon != id.startIndex else { return id[...] }
        let suffix = id[id.index(after: colon)...]
        guard !suffix.isEmpty, suffix.allSatisfy({ $0.isNumber }) else { return id[...] }
        return id[..<colon]
    }
}
