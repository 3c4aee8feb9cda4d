import TandemCore

/// One thing the storage lab waits for in the cluster status, e.g. `--promoted ms_drbd s1`.
enum ClusterCondition: Equatable, CustomStringConvertible {
    case online(node: String)
    case offline(node: String)
    case dc
    case quorum
    case started(resource: String, node: String)
    case promoted(resource: String, node: String)
    case stopped(resource: String)
    case settled

    /// The option names with the number of arguments each takes.
    static let arity: [String: Int] = [
        "--online": 1, "--offline": 1, "--dc": 0, "--quorum": 0,
        "--started": 2, "--promoted": 2, "--stopped": 1, "--settled": 0,
    ]

    /// Builds a condition from an option and its arguments (counted by `arity`).
    init?(option: String, arguments: [String]) {
        switch (option, arguments.count) {
        case ("--online", 1): self = .online(node: arguments[0])
        case ("--offline", 1): self = .offline(node: arguments[0])
        case ("--dc", 0): self = .dc
        case ("--quorum", 0): self = .quorum
        case ("--started", 2): self = .started(resource: arguments[0], node: arguments[1])
        case ("--promoted", 2): self = .promoted(resource: arguments[0], node: arguments[1])
        case ("--stopped", 1): self = .stopped(resource: arguments[0])
        case ("--settled", 0): self = .settled
        default: return nil
        }
    }

    var description: String {
        switch self {
        case .online(let node): "node \(node) online"
        case .offline(let node): "node \(node) offline"
        case .dc: "a DC elected"
        case .quorum: "partition with quorum"
        case .started(let resource, let node): "\(resource) started on \(node)"
        case .promoted(let resource, let node): "\(resource) promoted on \(node)"
        case .stopped(let resource): "\(resource) stopped everywhere"
        case .settled: "no pending actions"
        }
    }

    /// Whether the condition holds, and what was seen (for the message on a timeout).
    func evaluate(_ status: ClusterStatus) -> (met: Bool, seen: String) {
        switch self {
        case .online(let node):
            let usable = status.isNodeOnline(node)
            return (usable, usable ? "online" : describe(status.node(named: node)))
        case .offline(let node):
            let down = !(status.node(named: node)?.online ?? false)
            return (down, describe(status.node(named: node)))
        case .dc:
            return (status.dcName != nil, status.dcName.map { "DC \($0)" } ?? "no DC")
        case .quorum:
            return (status.hasQuorum, status.hasQuorum ? "quorum" : "no quorum")
        case .started(let resource, let node):
            // A failed start leaves the resource "Started" with failed="true" in crm_mon: not met.
            let failed = status.primitives(matching: resource).filter(\.failed).flatMap { $0.nodes.map(\.name) }
            // A start in flight (record-pending) shows the role "Started" too: not met until it ends.
            let starting = status.primitives(matching: resource).filter { $0.pending == "Starting" }
                .flatMap { $0.nodes.map(\.name) }
            let nodes = status.startedNodes(of: resource)
            let note = (failed.isEmpty ? "" : "; failed on [\(failed.joined(separator: ", "))]")
                + (starting.isEmpty ? "" : "; starting on [\(starting.joined(separator: ", "))]")
            return (nodes.contains(node) && !failed.contains(node) && !starting.contains(node),
                    "started on [\(nodes.joined(separator: ", "))]" + note)
        case .promoted(let resource, let node):
            let nodes = status.promotedNodes(of: resource)
            return (nodes.contains(node), "promoted on [\(nodes.joined(separator: ", "))]")
        case .stopped(let resource):
            let nodes = status.startedNodes(of: resource)
            return (nodes.isEmpty, "started on [\(nodes.joined(separator: ", "))]")
        case .settled:
            let pending = status.pendingOperations
            return (pending.isEmpty, "\(pending.count) pending")
        }
    }

    private func describe(_ node: ClusterNode?) -> String {
        guard let node else { return "unknown node" }
        var words = [node.online ? "online" : "offline"]
        if node.unclean { words.append("unclean") }
        if node.pending { words.append("pending") }
        if node.standby { words.append("standby") }
        return words.joined(separator: " ")
    }
}
