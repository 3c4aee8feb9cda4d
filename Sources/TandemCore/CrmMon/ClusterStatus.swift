/// The cluster as `crm_mon --output-as=xml` (or legacy `--as-xml`) describes it.
///
/// Built by `CrmMonParser`; sections crm_mon left out are empty. Queries the agents need
/// are in `ClusterStatus+Queries.swift`.
public struct ClusterStatus: Sendable, Equatable {
    /// Which document shape the status came from.
    public enum Format: Sendable, Equatable {
        /// `<pacemaker-result api-version=…>` (Pacemaker ≥ 2.0.3, `--output-as=xml`).
        case apiResult(apiVersion: String)
        /// `<crm_mon version=…>` (`--as-xml`; the only XML before 2.0.3).
        case legacy(pacemakerVersion: String)
    }

    /// `<crm-mon-disconnected>`: crm_mon reached pacemakerd but not the cluster.
    public struct Disconnected: Sendable, Equatable {
        public var description: String?
        public var pacemakerdState: String?

        /// - Parameters:
        ///   - description: crm_mon's explanation.
        ///   - pacemakerdState: pacemakerd's state, if reported.
        public init(description: String? = nil, pacemakerdState: String? = nil) {
            self.description = description
            self.pacemakerdState = pacemakerdState
        }
    }

    public var format: Format = .apiResult(apiVersion: "")
    /// The `request` attribute: the command line crm_mon was run with.
    public var request: String?
    /// `<pacemakerd state>` (≥ 2.1).
    public var pacemakerdState: String?
    /// Nil when the document has no `<summary>` (not connected, or excluded).
    public var summary: ClusterSummary?
    public var nodes: [ClusterNode] = []
    /// The resource tree in document order.
    public var resources: [ClusterResource] = []
    public var nodeAttributes: [NodeAttributes] = []
    public var nodeHistory: [NodeHistory] = []
    public var failures: [ResourceFailure] = []
    public var fenceHistory: [FenceEvent] = []
    public var tickets: [Ticket] = []
    public var bans: [ResourceBan] = []
    /// `<status>`; absent in legacy documents.
    public var result: CrmMonResultStatus?
    public var disconnected: Disconnected?

    /// An empty status; the parser fills it in.
    public init() {}

    /// True when the document describes a live cluster: it has a summary, no
    /// `<crm-mon-disconnected>` and no status code 102.
    public var isConnected: Bool {
        summary != nil && disconnected == nil && result?.code != CrmMonResultStatus.notConnectedCode
    }
}
