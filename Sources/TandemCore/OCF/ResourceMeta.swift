/// The meta-attributes Pacemaker passes as `OCF_RESKEY_CRM_meta_*`, typed.
public struct ResourceMeta: Sendable {
    /// Operation interval in milliseconds; 0 for one-shot operations and probes.
    public let intervalMilliseconds: Int
    /// Operation timeout in milliseconds, nil when not given (then the declared default applies).
    public let timeoutMilliseconds: Int?
    public let cloneMax: Int?
    public let cloneNodeMax: Int?
    /// `promoted_max`, or the legacy `master_max` that Pacemaker still passes.
    public let promotedMax: Int?
    /// `promoted_node_max`, or the legacy `master_node_max`.
    public let promotedNodeMax: Int?
    public let notify: Bool
    public let globallyUnique: Bool
    /// The clone instance number (`CRM_meta_clone`).
    public let cloneInstance: Int?
    /// The node the operation runs on, as Pacemaker names it.
    public let onNode: String?
    /// The node's id as Pacemaker passes it (`CRM_meta_on_node_uuid`): on a corosync
    /// cluster, its nodeid, a decimal number unique in the cluster.
    public let onNodeID: String?
    public let promotable: Bool

    public init(_ environment: OCFEnvironment) { self = environment.meta }

    init(variables: [String: String]) {
        func text(_ name: String) -> String? { OCFEnvironment.metaText(name, in: variables) }
        func integer(_ name: String) -> Int? { text(name).flatMap { Int($0.trimmingWhitespace()) } }
        func flag(_ name: String) -> Bool { text(name).flatMap { Bool(ocfText: $0) } ?? false }
        intervalMilliseconds = integer("interval") ?? 0
        timeoutMilliseconds = integer("timeout")
        cloneMax = integer("clone_max")
        cloneNodeMax = integer("clone_node_max")
        promotedMax = integer("promoted_max") ?? integer("master_max")
        promotedNodeMax = integer("promoted_node_max") ?? integer("master_node_max")
        notify = flag("notify")
        globallyUnique = flag("globally_unique")
        cloneInstance = integer("clone")
        onNode = text("on_node").flatMap { $0.isEmpty ? nil : $0 }
        onNodeID = text("on_node_uuid").flatMap { $0.isEmpty ? nil : $0 }
        promotable = flag("promotable") || (promotedMax ?? 0) > 0
    }

    /// How many instances may be promoted at once: promoted-max, whose default is 1.
    public var promotedLimit: Int { promotedMax ?? 1 }

    /// The resource is a clone instance (`ocf_is_clone`).
    public var isClone: Bool { cloneMax != nil }
}
