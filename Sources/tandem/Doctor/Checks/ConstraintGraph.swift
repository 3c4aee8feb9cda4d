import TandemCore

/// Colocations and orders of a CIB as graphs, with a group's implicit ones (each member
/// placed with and started after the one before it, and with whatever the group is).
struct ConstraintGraph {
    struct Placement: Equatable {
        let role: ResourceRole?
        let score: Int
        let constraint: String
    }

    struct Precedence: Equatable {
        let action: String
        let mandatory: Bool
        let constraint: String
    }

    let cib: CIBDocument

    init(cib: CIBDocument) { self.cib = cib }

    /// The resource with its containers (whose constraints apply to it), and the earlier
    /// members of its groups (placed with it and started before it).
    private func implicit(_ id: String) -> (containers: [String], earlierMembers: [String]) {
        let path = cib.ancestry(of: id)
        var earlier: [String] = []
        for (index, container) in path.enumerated() where container.kind == .group && index + 1 < path.count {
            let member = path[index + 1].id
            earlier += container.children.prefix { $0.id != member }.map(\.id)
        }
        return (path.isEmpty ? [id] : path.map(\.id), earlier)
    }

    private func related(_ id: String) -> [String] {
        let (containers, earlier) = implicit(id)
        return containers + earlier
    }

    /// Everything `id` is placed with, transitively: resource id → the strongest link reaching
    /// it (Promoted role and higher score preferred).
    func placement(of id: String) -> [String: Placement] {
        var best: [String: Placement] = [:]
        var queue = related(id)
        var visited = Set(queue)
        while let current = queue.popLast() {
            for edge in cib.colocations where edge.resource == current && edge.score > 0 {
                let link = Placement(role: edge.withRole, score: edge.score, constraint: edge.id)
                if let old = best[edge.with] {
                    let better = (link.role == .promoted && old.role != .promoted)
                        || (link.role == old.role && link.score > old.score)
                    if better { best[edge.with] = link }
                } else {
                    best[edge.with] = link
                }
                for next in related(edge.with) where visited.insert(next).inserted { queue.append(next) }
            }
        }
        return best
    }

    /// Everything that must happen before `id` starts, transitively: resource id → the
    /// strongest link (promote and Mandatory preferred).
    func predecessors(of id: String) -> [String: Precedence] {
        var best: [String: Precedence] = [:]
        var queue = related(id)
        var visited = Set(queue)
        for member in implicit(id).earlierMembers {
            best[member] = Precedence(action: "start", mandatory: true, constraint: "its group")
        }
        while let current = queue.popLast() {
            for edge in cib.orders where edge.then == current {
                let link = Precedence(action: edge.firstAction, mandatory: edge.isMandatory, constraint: edge.id)
                if let old = best[edge.first] {
                    let better = (link.action == "promote" && old.action != "promote")
                        || (link.action == old.action && link.mandatory && !old.mandatory)
                    if better { best[edge.first] = link }
                } else {
                    best[edge.first] = link
                }
                for next in related(edge.first) where visited.insert(next).inserted { queue.append(next) }
            }
        }
        return best
    }
}
