import TandemCore

/// An order constraint between two resources, one edge of it: `first` (its `firstAction`)
/// before `then` (its `thenAction`). Resource sets become one edge per ordered pair.
struct CIBOrder: Equatable, Sendable {
    let id: String
    let first: String
    let firstAction: String
    let then: String
    let thenAction: String
    /// Mandatory (the default, any score above 0), Optional (score 0) or Serialize.
    let kind: String

    var isMandatory: Bool { kind == "Mandatory" }
}

/// A colocation, one edge of it: `resource` (in `role`) placed with `with` (in `withRole`).
struct CIBColocation: Equatable, Sendable {
    let id: String
    let resource: String
    let role: ResourceRole?
    let with: String
    let withRole: ResourceRole?
    let score: Int
}

extension CIBOrder {
    /// The edges of an `<rsc_order>`: `first`/`then`, or its resource sets (sequential sets
    /// order their members; each set comes before the next).
    static func edges(_ element: CIBElement) -> [CIBOrder] {
        let id = element["id"] ?? ""
        let kind = element["kind"] ?? (PacemakerValue.score(element["score"]) == 0 ? "Optional" : "Mandatory")
        if let first = element["first"], let then = element["then"] {
            return [CIBOrder(id: id, first: first, firstAction: element["first-action"] ?? "start",
                             then: then, thenAction: element["then-action"] ?? element["first-action"] ?? "start",
                             kind: kind)]
        }
        var edges: [CIBOrder] = []
        var previous: [(String, String)] = []
        for set in element.children(named: "resource_set") {
            let action = set["action"] ?? "start"
            let members = set.children(named: "resource_ref").compactMap { $0["id"] }.map { ($0, action) }
            let sequential = PacemakerValue.bool(set["sequential"]) ?? true
            for member in members {
                for before in previous {
                    edges.append(CIBOrder(id: id, first: before.0, firstAction: before.1, then: member.0,
                                          thenAction: member.1, kind: kind))
                }
                if sequential { previous = [member] }
            }
            if !sequential { previous = members }
        }
        return edges
    }
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
