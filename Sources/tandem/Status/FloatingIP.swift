import TandemCore

/// A floating IP resource and where it runs. crm_mon shows no parameters, so the address
/// itself is not known here (`tandem doctor` reads the CIB); the resource id names it.
struct FloatingIP: Equatable, Sendable {
    let id: String
    let agent: String
    let nodes: [String]
    let failed: Bool
    /// `target-role=Stopped`: stopped on purpose.
    let disabled: Bool
    /// Not running though not disabled: clients cannot reach the SAN through it.
    var isDown: Bool { nodes.isEmpty && !disabled }

    /// The agents that manage a floating address.
    static let agentTypes: Set<String> = ["floating-ip", "IPaddr2", "IPaddr", "IPv6addr"]

    static func all(in status: ClusterStatus) -> [FloatingIP] {
        status.resources.flatMap(\.primitives).compactMap { primitive in
            guard let agent = primitive.agent, agent.standard == "ocf", agentTypes.contains(agent.type) else {
                return nil
            }
            let nodes = primitive.role.isRunning || primitive.active ? primitive.nodeNames : []
            return FloatingIP(id: primitive.id, agent: agent.description, nodes: nodes, failed: primitive.failed,
                              disabled: primitive.targetRole == .stopped)
        }
    }
}
