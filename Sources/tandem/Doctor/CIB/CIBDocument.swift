import TandemCore

/// What `tandem doctor` reads of a CIB (`cibadmin -Q`, or a saved file): cluster properties,
/// defaults, nodes, resources and constraints. The agents have no use for the whole CIB,
/// so this lives with the command, not in TandemCore.
struct CIBDocument: Equatable, Sendable {
    /// `crm_config` properties (all `cluster_property_set`s, the first value of a name wins).
    let properties: [String: String]
    let resourceDefaults: [String: String]
    /// `op_defaults` (e.g. a `timeout` for every operation without its own).
    let operationDefaults: [String: String]
    /// Node names from `<nodes>` (a node appears there once it has joined, or when declared).
    let nodes: [String]
    /// The top-level resources.
    let resources: [CIBResource]
    let orders: [CIBOrder]
    let colocations: [CIBColocation]

    /// Parses a CIB document.
    ///
    /// - Throws: `CIBError` when it is not XML or not a CIB.
    static func parse(bytes: [UInt8]) throws(CIBError) -> CIBDocument {
        let root: CIBElement
        do { root = try CIBElement.parse(try XMLReader(bytes: bytes)) } catch { throw .malformed("\(error)") }
        return try CIBDocument(root: root)
    }

    init(root: CIBElement) throws(CIBError) {
        guard root.name == "cib", let configuration = root.child(named: "configuration") else {
            throw .notACIB(root: root.name)
        }
        let crmConfig = configuration.child(named: "crm_config")?.children(named: "cluster_property_set") ?? []
        properties = CIBResource.pairs(crmConfig)
        resourceDefaults = CIBResource.pairs(configuration.child(named: "rsc_defaults")?.children(named: "meta_attributes") ?? [])
        operationDefaults = CIBResource.pairs(configuration.child(named: "op_defaults")?.children(named: "meta_attributes") ?? [])
        nodes = configuration.child(named: "nodes")?.children(named: "node").compactMap { $0["uname"] ?? $0["id"] } ?? []
        resources = configuration.child(named: "resources")?.children.compactMap(CIBResource.init) ?? []
        let constraints = configuration.child(named: "constraints")?.children ?? []
        orders = constraints.filter { $0.name == "rsc_order" }.flatMap(CIBOrder.edges)
        colocations = constraints.filter { $0.name == "rsc_colocation" }.flatMap(CIBColocation.edges)
    }

    /// Every resource, containers and their members, depth first.
    var allResources: [CIBResource] { resources.flatMap(\.allResources) }

    func resource(_ id: String) -> CIBResource? { allResources.first { $0.id == id } }

    /// The chain of containers from the top-level resource down to `id` (`[clone, group, id]`).
    func ancestry(of id: String) -> [CIBResource] {
        func search(_ resource: CIBResource, _ path: [CIBResource]) -> [CIBResource]? {
            let here = path + [resource]
            if resource.id == id { return here }
            for child in resource.children { if let found = search(child, here) { return found } }
            return nil
        }
        for resource in resources { if let found = search(resource, []) { return found } }
        return []
    }

    /// `stonith-enabled` (or Pacemaker 3's `fencing-enabled`); true unless set false.
    var fencingEnabled: Bool {
        PacemakerValue.bool(properties["fencing-enabled"] ?? properties["stonith-enabled"]) ?? true
    }

    /// The fence devices (`class="stonith"` primitives).
    var fenceDevices: [CIBResource] { allResources.filter { $0.agent?.standard == "stonith" } }
}
