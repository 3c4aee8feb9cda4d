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
