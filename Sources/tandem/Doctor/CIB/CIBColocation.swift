import TandemCore

/// A colocation, one edge of it: `resource` (in `role`) placed with `with` (in `withRole`).
struct CIBColocation: Equatable, Sendable {
    let id: String
    let resource: String
    let role: ResourceRole?
    let with: String
    let withRole: ResourceRole?
    let score: Int
}

extension CIBColocation {
    /// The edges of an `<rsc_colocation>`: `rsc` with `with-rsc`, or its resource sets (in a
    /// sequential set each member is placed with the one before it; a set with the next set).
    static func edges(_ element: CIBElement) -> [CIBColocation] {
        let id = element["id"] ?? ""
        let score = PacemakerValue.score(element["score"]) ?? 0
        func role(_ text: String?) -> ResourceRole? { text.map { ResourceRole(parsing: $0) } }
        if let resource = element["rsc"], let with = element["with-rsc"] {
            return [CIBColocation(id: id, resource: resource, role: role(element["rsc-role"]), with: with,
                                  withRole: role(element["with-rsc-role"]), score: score)]
        }
        var edges: [CIBColocation] = []
        let sets = element.children(named: "resource_set").map { set in
            (set.children(named: "resource_ref").compactMap { $0["id"] }, role(set["role"]),
             PacemakerValue.bool(set["sequential"]) ?? true)
        }
        for (index, (members, setRole, sequential)) in sets.enumerated() {
            if sequential {
                for (earlier, later) in zip(members, members.dropFirst()) {
                    edges.append(CIBColocation(id: id, resource: later, role: setRole, with: earlier, withRole: setRole, score: score))
                }
            }
            guard index + 1 < sets.count else { continue }
            let (next, nextRole, _) = sets[index + 1]
            for member in members {
                for other in next {
                    edges.append(CIBColocation(id: id, resource: member, role: setRole, with: other, withRole: nextRole, score: score))
                }
            }
        }
        return edges
    }
}
