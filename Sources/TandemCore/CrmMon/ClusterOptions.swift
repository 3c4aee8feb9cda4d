/// `<summary><cluster_options>`: the cluster properties crm_mon reports.
///
/// Every field is optional: older versions report fewer, and the element can be absent.
public struct ClusterOptions: Sendable, Equatable {
    /// What the cluster does without quorum.
    public enum NoQuorumPolicy: String, Sendable, CaseIterable {
        case stop, freeze, ignore, demote
        /// `suicide`, called `fence` from Pacemaker 3.0 on.
        case fence
        case unknown

        /// Parses the property value; `suicide` is the old name of `fence`.
        public init(parsing text: some StringProtocol) {
            self = text == "suicide" ? .fence : (NoQuorumPolicy(rawValue: String(text)) ?? .unknown)
        }
    }

    public var stonithEnabled: Bool?
    public var symmetricCluster: Bool?
    public var noQuorumPolicy: NoQuorumPolicy?
    public var maintenanceMode: Bool?
    public var stopAllResources: Bool?
    public var stonithTimeoutMilliseconds: Int?
    public var priorityFencingDelayMilliseconds: Int?
    /// `fencing-enabled` (≥ 3.0.2; same meaning as `stonith-enabled`).
    public var fencingEnabled: Bool?

    /// No options known.
    public init() {}
}
