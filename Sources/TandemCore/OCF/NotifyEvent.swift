/// A clone notification (`OCF_RESKEY_CRM_meta_notify_*`), in one vocabulary.
///
/// Pacemaker ≥ 2.1 passes `notify_promoted_*`/`notify_unpromoted_*` and still the legacy
/// `notify_master_*`/`notify_slave_*`; older versions only the legacy ones.
public struct NotifyEvent: Sendable, Equatable {
    public enum Timing: String, Sendable { case pre, post }
    public enum Operation: String, Sendable { case start, stop, promote, demote }

    /// One clone instance named in a notification: its id (`p_drbd:1`) and node, when given.
    public struct Instance: Sendable, Equatable {
        public let resource: String
        public let node: String?
    }

    public let timing: Timing
    public let operation: Operation
    public let starting: [Instance]
    public let stopping: [Instance]
    public let promoting: [Instance]
    public let demoting: [Instance]
    public let active: [Instance]
    public let inactive: [Instance]
    public let promoted: [Instance]
    public let unpromoted: [Instance]
    /// Nodes where the clone may run (`notify_available_uname`).
    public let availableNodes: [String]
    /// Every node of the cluster (`notify_all_uname`).
    public let allNodes: [String]

    /// The notification in `environment`, or nil when it holds none (or a malformed one).
    public init?(_ environment: OCFEnvironment) {
        guard let timing = environment.metaText("notify_type").flatMap(Timing.init(rawValue:)),
              let operation = environment.metaText("notify_operation").flatMap(Operation.init(rawValue:))
        else { return nil }
        self.timing = timing
        self.operation = operation
        func words(_ name: String) -> [String] {
            (environment.metaText("notify_" + name) ?? "").split { $0.isWhitespace }.map(String.init)
        }
        func instances(_ category: String, legacy: String? = nil) -> [Instance] {
            var resources = words(category + "_resource")
            var nodes = words(category + "_uname")
            if resources.isEmpty, let legacy {
                resources = words(legacy + "_resource")
                nodes = words(legacy + "_uname")
            }
            return resources.enumerated().map { index, resource in
                Instance(resource: resource, node: index < nodes.count ? nodes[index] : nil)
            }
        }
        starting = instances("start")
        stopping = instances("stop")
        promoting = instances("promote")
        demoting = instances("demote")
        active = instances("active")
        inactive = instances("inactive")
        promoted = instances("promoted", legacy: "master")
        unpromoted = instances("unpromoted", legacy: "slave")
        availableNodes = words("available_uname")
        allNodes = words("all_uname")
    }
}
