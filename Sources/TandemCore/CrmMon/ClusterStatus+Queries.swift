// The questions agents ask of the cluster status.
extension ClusterStatus {
    /// The designated controller's node name, when there is one.
    public var dcName: String? {
        guard let dc = summary?.dc, dc.present else { return nil }
        return dc.name
    }

    /// True when the DC reports quorum (false without a DC: nobody can vouch for quorum then).
    public var hasQuorum: Bool { summary?.dc.map { $0.present && $0.withQuorum } ?? false }

    /// The `<nodes>` entry named `name`.
    public func node(named name: String) -> ClusterNode? { nodes.first { $0.name == name } }

    /// True when node `name` is known, online, not unclean and not pending (see `ClusterNode.isUsable`).
    ///
    /// Standby, maintenance and shutting-down nodes still count as online: they are cluster
    /// members and may hold resources; an agent that must avoid them checks those flags.
    public func isNodeOnline(_ name: String) -> Bool { node(named: name)?.isUsable ?? false }

    /// Every primitive instance `id` designates, in document order: the primitive itself
    /// (also `id:N` instances of unique clones), or all primitives inside the clone, group or
    /// bundle with that id. Anonymous clone instances share an id and are all returned.
    public func primitives(matching id: String) -> [PrimitiveResource] {
        var result: [PrimitiveResource] = []
        for resource in resources { Self.collect(resource, matching: id, into: &result) }
        return result
    }

    private static func collect(_ resource: ClusterResource, matching id: String, into result: inout [PrimitiveResource]) {
        if resource.id == id, !isPrimitive(resource) {
            resource.appendPrimitives(to: &result)
            return
        }
        switch resource {
        case .primitive(let primitive):
            if primitive.id == id || primitive.baseID == id { result.append(primitive) }
        case .group(let group):
            for member in group.members { collect(.primitive(member), matching: id, into: &result) }
        case .clone(let clone):
            for instance in clone.instances { collect(instance, matching: id, into: &result) }
        case .bundle(let bundle):
            for replica in bundle.replicas {
                for primitive in replica.resources { collect(.primitive(primitive), matching: id, into: &result) }
            }
        }
    }

    private static func isPrimitive(_ resource: ClusterResource) -> Bool {
        if case .primitive = resource { return true }
        return false
    }

    /// The nodes where an instance of `resource` is active in exactly `role`, without repeats.
    public func nodes(of resource: String, inRole role: ResourceRole) -> [String] {
        uniqueNodes(primitives(matching: resource).filter { $0.role == role })
    }

    /// The nodes where `resource` (primitive or clone id) is promoted.
    public func promotedNodes(of resource: String) -> [String] { nodes(of: resource, inRole: .promoted) }

    /// The nodes where `resource` runs in any role (Started, Unpromoted, Promoted, or in a
    /// transition), like `crm_resource --locate`.
    public func startedNodes(of resource: String) -> [String] {
        uniqueNodes(primitives(matching: resource).filter { $0.active || $0.role.isRunning })
    }

    private func uniqueNodes(_ primitives: [PrimitiveResource]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for primitive in primitives {
            for node in primitive.nodes where seen.insert(node.name).inserted { result.append(node.name) }
        }
        return result
    }

    /// The promotion score of `resource` on `node`, from the node attribute `master-<id>` or
    /// `master-<id>:N`. For a clone id the scores of its primitives are consulted.
    ///
    /// - Returns: the score (`INFINITY` = 1,000,000, `-INFINITY` = −1,000,000), or nil when
    ///   the node has no such attribute (the instance will not be promoted there).
    public func promotionScore(of resource: String, on node: String) -> Int? {
        guard let attributes = nodeAttributes.first(where: { $0.node == node }) else { return nil }
        var candidates = [resource]
        for primitive in primitives(matching: resource) where !candidates.contains(String(primitive.baseID)) {
            candidates.append(String(primitive.baseID))
        }
        return candidates.compactMap { attributes.promotionScore(for: $0) }.max()
    }

    /// Actions in flight: resources with `pending` or a transitional role, then pending fencing.
    public var pendingOperations: [PendingOperation] {
        var result: [PendingOperation] = []
        for resource in resources {
            for primitive in resource.primitives where primitive.pending != nil || primitive.role.isTransitional {
                result.append(.resource(id: primitive.id, role: primitive.role, task: primitive.pending,
                                        nodes: primitive.nodeNames))
            }
        }
        for event in fenceHistory where event.status == .pending { result.append(.fencing(event)) }
        return result
    }
}
