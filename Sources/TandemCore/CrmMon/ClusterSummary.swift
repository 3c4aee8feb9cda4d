/// The `<summary>` section.
public struct ClusterSummary: Sendable, Equatable {
    /// The designated controller as `<current_dc>` reports it.
    public struct DesignatedController: Sendable, Equatable {
        /// False while the cluster has no DC (election in progress, or not connected).
        public var present = false
        public var name: String?
        public var id: String?
        public var version: String?
        public var withQuorum = false
        public var mixedVersion: Bool?

        /// An absent DC.
        public init() {}
    }

    /// `<last_change>`: who changed the CIB last.
    public struct Change: Sendable, Equatable {
        public var time = ""
        public var user: String?
        public var client: String?
        public var origin: String?

        /// An empty change record.
        public init() {}
    }

    /// `<stack type>`: corosync, or older stacks.
    public var stack: String?
    /// `<stack pacemakerd-state>` (≥ 2.1).
    public var pacemakerdState: String?
    public var dc: DesignatedController?
    /// `<last_update time>` as crm_mon formats it (local time text; kept verbatim).
    public var lastUpdate: String?
    public var lastChange: Change?
    public var nodesConfigured: Int?
    public var resourcesConfigured: Int?
    public var resourcesDisabled: Int?
    public var resourcesBlocked: Int?
    public var options = ClusterOptions()

    /// An empty summary.
    public init() {}
}
