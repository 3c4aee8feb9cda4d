import TandemCore

/// A resource of the CIB's `<resources>`: its kind, agent, attributes and operations, and
/// the resources inside it (a group's members, a clone's primitive or group).
struct CIBResource: Equatable, Sendable {
    enum Kind: String, Sendable {
        case primitive, group, clone, bundle
    }

    struct Operation: Equatable, Sendable {
        let name: String
        let intervalMilliseconds: Int
        /// The role it is for; nil when it has none (then it runs in every role but Promoted).
        let role: ResourceRole?
        let id: String
        /// Its own `timeout`; nil when it has none (op_defaults or Pacemaker's 20 s apply).
        let timeoutMilliseconds: Int?
    }

    let id: String
    let kind: Kind
    /// A primitive's agent (`ocf:tandem:drbd`); nil for containers.
    let agent: ResourceAgent?
    /// `meta_attributes` (first set wins per name, as Pacemaker does without rules).
    let meta: [String: String]
    /// `instance_attributes`.
    let parameters: [String: String]
    let operations: [Operation]
    let children: [CIBResource]

    /// A promotable clone: `promotable=true`, or a Pacemaker 1.x `<master>`.
    var isPromotable: Bool { kind == .clone && PacemakerValue.bool(meta["promotable"]) == true }

    /// This resource and everything inside it, depth first.
    var allResources: [CIBResource] { [self] + children.flatMap(\.allResources) }

    /// The primitives inside (itself for a primitive).
    var primitives: [CIBResource] { allResources.filter { $0.kind == .primitive } }

    /// A meta attribute under its current name or the Pacemaker 1.x one (`promoted-max` or
    /// `master-max`).
    func meta(_ name: String, legacy: String? = nil) -> String? {
        meta[name] ?? legacy.flatMap { meta[$0] }
    }

    init(id: String, kind: Kind, agent: ResourceAgent?, meta: [String: String], parameters: [String: String],
         operations: [Operation], children: [CIBResource]) {
        self.id = id
        self.kind = kind
        self.agent = agent
        self.meta = meta
        self.parameters = parameters
        self.operations = operations
        self.children = children
    }

    /// From a `<primitive>`, `<group>`, `<clone>`, `<master>` or `<bundle>` element; nil for others.
    init?(_ element: CIBElement) {
        var meta = Self.pairs(element.children(named: "meta_attributes"))
        let kind: Kind
        switch element.name {
        case "primitive": kind = .primitive
        case "group": kind = .group
        case "clone": kind = .clone
        case "master":
            kind = .clone
            meta["promotable"] = "true"
        case "bundle": kind = .bundle
        default: return nil
        }
        var agent: ResourceAgent?
        if kind == .primitive, let type = element["type"], let standard = element["class"] {
            agent = ResourceAgent(standard: standard, provider: element["provider"], type: type)
        }
        let operations = element.child(named: "operations")?.children(named: "op").compactMap { op -> Operation? in
            guard let name = op["name"] else { return nil }
            return Operation(name: name, intervalMilliseconds: PacemakerValue.milliseconds(op["interval"]) ?? 0,
                             role: op["role"].map { ResourceRole(parsing: $0) }, id: op["id"] ?? "",
                             timeoutMilliseconds: PacemakerValue.milliseconds(op["timeout"]))
        } ?? []
        self.init(id: element["id"] ?? "", kind: kind, agent: agent, meta: meta,
                  parameters: Self.pairs(element.children(named: "instance_attributes")),
                  operations: operations, children: element.children.compactMap(CIBResource.init))
    }

    /// The nvpairs of some attribute sets; the first value of a name wins.
    static func pairs(_ sets: [CIBElement]) -> [String: String] {
        var result: [String: String] = [:]
        for set in sets {
            for pair in set.children(named: "nvpair") {
                guard let name = pair["name"], result[name] == nil else { continue }
                result[name] = pair["value"] ?? ""
            }
        }
        return result
    }
}
