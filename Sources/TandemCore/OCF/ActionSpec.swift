/// The actions an OCF agent can be called with.
public enum ActionName: String, Sendable, CaseIterable, Hashable {
    case start, stop, monitor, promote, demote, notify, reload, status
    case migrateTo = "migrate_to"
    case migrateFrom = "migrate_from"
    case metaData = "meta-data"
    case validateAll = "validate-all"
    /// OCF 1.1: apply changed `reloadable` parameters without a restart. Pacemaker ≥ 2.1
    /// calls it instead of stop/start when only such parameters changed (and never calls
    /// the legacy `reload` of an agent that claims OCF 1.1).
    case reloadAgent = "reload-agent"
}

/// A role an action applies to (OCF 1.1 names, the only ones resource-agents' metadata.rng accepts).
public enum ActionRole: String, Sendable {
    case promoted = "Promoted"
    case unpromoted = "Unpromoted"
}

/// One `<action>` of the meta-data: the defaults Pacemaker tools suggest for an operation.
public struct ActionSpec: Sendable, Equatable {
    public let name: ActionName
    /// Default timeout, in seconds (every action has one: all three schemas require it).
    public let timeoutSeconds: Int
    /// Recurring interval in seconds (monitor), nil otherwise.
    public let intervalSeconds: Int?
    /// `OCF_CHECK_LEVEL` for this monitor.
    public let depth: Int?
    public let role: ActionRole?

    public init(_ name: ActionName, timeout timeoutSeconds: Int, interval intervalSeconds: Int? = nil,
                depth: Int? = nil, role: ActionRole? = nil) {
        self.name = name
        self.timeoutSeconds = timeoutSeconds
        self.intervalSeconds = intervalSeconds
        self.depth = depth
        self.role = role
    }
}
