import TandemCore

/// The questions the storage lab asks of crm_mon instead of waiting for something, so that
/// the lab reads crm_mon XML in one place (TandemCore's parser):
/// `--nodes ms_drbd Promoted`, `--failure-reason p_drbd_start_0 s2`, `--failed-ops p_lvm '*'`.
enum StatusQuery: Equatable {
    /// Where the instances of a resource are in a role.
    case nodes(resource: String, role: ResourceRole)
    /// The agent's exit reason of a failed operation (`op_key`) on a node.
    case failureReason(operationKey: String, node: String)
    /// The failed operations of a resource (a primitive's id; `*` for every one) on a node
    /// (`*` for every node): what "no failed stop" is checked with.
    case failedOperations(resource: String, node: String)

    /// The option names; each takes two arguments.
    static let options: Set<String> = ["--nodes", "--failure-reason", "--failed-ops"]

    /// Reads an option and its two arguments. The role as any Pacemaker writes it (`Promoted`
    /// or `Master`, …); nil for a word that is no role, so a typo is a usage error and not an
    /// empty answer.
    init?(option: String, arguments: [String]) {
        guard arguments.count == 2, !arguments[0].isEmpty, !arguments[1].isEmpty else { return nil }
        switch option {
        case "--nodes":
            let role = ResourceRole(parsing: arguments[1])
            guard role != .unknown || arguments[1].lowercased() == "unknown" else { return nil }
            self = .nodes(resource: arguments[0], role: role)
        case "--failure-reason":
            self = .failureReason(operationKey: arguments[0], node: arguments[1])
        case "--failed-ops":
            self = .failedOperations(resource: arguments[0], node: arguments[1])
        default:
            return nil
        }
    }

    /// The answer, one line without its newline; empty when there is none. Nodes come sorted
    /// and space-separated: what `[[ $(crm_role_nodes …) == "s1 s2" ]]` compares against.
    func answer(_ status: ClusterStatus) -> String {
        switch self {
        case .nodes(let resource, let role):
            return status.nodes(of: resource, inRole: role).sorted().joined(separator: " ")
        case .failureReason(let operationKey, let node):
            let failure = status.failures.last { $0.operationKey == operationKey && $0.node == node }
            return failure?.exitReason ?? ""
        case .failedOperations(let resource, let node):
            return status.failures.filter { failure in
                (resource == "*" || failure.operationKey.hasPrefix(resource + "_")) && (node == "*" || failure.node == node)
            }.map { "\($0.operationKey)@\($0.node)" }.joined(separator: " ")
        }
    }
}
