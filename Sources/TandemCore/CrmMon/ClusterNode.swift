/// One `<nodes><node>` entry: a cluster node and its membership state.
public struct ClusterNode: Sendable, Equatable {
    /// What kind of node Pacemaker thinks this is.
    public enum Kind: String, Sendable, CaseIterable {
        case member
        case remote
        case ping
        /// Pacemaker's "unknown", and any type this library does not know.
        case unknown
    }

    /// Node health as computed from `#health-*` attributes (absent before Pacemaker 2.1).
    public enum Health: String, Sendable, CaseIterable {
        case red, yellow, green, unknown
    }

    public var name = ""
    public var id = ""
    public var online = false
    public var standby = false
    public var standbyOnFail = false
    public var maintenance = false
    public var pending = false
    public var unclean = false
    public var shutdown = false
    public var expectedUp = false
    public var isDC = false
    public var resourcesRunning = 0
    public var type: Kind = .unknown
    public var health: Health?
    public var featureSet: String?

    /// An offline, unknown node named `""`; the parser fills it in.
    public init() {}

    /// True when the node can run resources now: online, not unclean, not pending.
    ///
    /// A node that is shutting down counts until it leaves (it still holds resources and
    /// Pacemaker is moving them); standby and maintenance nodes count too, because they are
    /// members — callers that care check `standby`/`maintenance` themselves.
    public var isUsable: Bool { online && !unclean && !pending }
}
