// <resources>: primitives, groups, clones and bundles.
extension CrmMonDocumentParser {
    /// The children of `<resources>` or of a `<clone>`, in document order.
    func parseResourceList(depth: Int) throws(CrmMonError) -> [ClusterResource] {
        var resources: [ClusterResource] = []
        while try next(depth) {
            switch reader.localName {
            case "resource": resources.append(.primitive(try parsePrimitive()))
            case "group": resources.append(.group(try parseGroup()))
            case "clone": resources.append(.clone(try parseClone()))
            case "bundle": resources.append(.bundle(try parseBundle()))
            default: break
            }
        }
        return resources
    }

    func parsePrimitive() throws(CrmMonError) -> PrimitiveResource {
        let depth = reader.depth, empty = reader.isEmptyElement
        var resource = PrimitiveResource()
        var hasID = false
        while reader.moveToNextAttribute() {
            switch reader.localName {
            case "id": resource.id = reader.value.string; hasID = true
            case "resource_agent":
                let value = reader.value
                resource.agentText = value.string
                resource.agent = ResourceAgent(value)
            case "role": resource.role = ResourceRole(reader.value)
            case "target_role": resource.targetRole = ResourceRole(reader.value)
            case "active": resource.active = try bool("resource", "active")
            case "orphaned", "removed": resource.orphaned = try bool("resource", "orphaned") || resource.orphaned
            case "blocked": resource.blocked = try bool("resource", "blocked")
            case "managed": resource.managed = try bool("resource", "managed")
            case "failed": resource.failed = try bool("resource", "failed")
            case "failure_ignored": resource.failureIgnored = try bool("resource", "failure_ignored")
            case "maintenance": resource.maintenance = try bool("resource", "maintenance")
            case "nodes_running_on": resource.nodesRunningOn = try int("resource", "nodes_running_on")
            case "pending": resource.pending = reader.value.string
            case "locked_to": resource.lockedTo = reader.value.string
            case "description": resource.description = reader.value.string
            default: break
            }
        }
        guard hasID else { throw missing("resource", "id") }
        guard !empty else { return resource }
        while try next(depth) {
            guard reader.localName.matches("node") else { continue }
            var name = "", id = "", cached = false
            while reader.moveToNextAttribute() {
                switch reader.localName {
                case "name": name = reader.value.string
                case "id": id = reader.value.string
                case "cached": cached = try bool("node", "cached")
                default: break
                }
            }
            resource.nodes.append(ResourceNode(name: name, id: id, cached: cached))
        }
        return resource
    }

    private func parseGroup() throws(CrmMonError) -> ResourceGroup {
        let depth = reader.depth, empty = reader.isEmptyElement
        var group = ResourceGroup()
        while reader.moveToNextAttribute() {
            switch reader.localName {
            case "id": group.id = reader.value.string
            case "number_resources": group.numberOfResources = try int("group", "number_resources")
            case "managed": group.managed = try bool("group", "managed")
            case "disabled": group.disabled = try bool("group", "disabled")
            case "maintenance": group.maintenance = try bool("group", "maintenance")
            case "description": group.description = reader.value.string
            default: break
            }
        }
        guard !empty else { return group }
        try forEachChild(of: depth, named: "resource") { () throws(CrmMonError) in
            group.members.append(try parsePrimitive())
        }
        return group
    }

    private func parseClone() throws(CrmMonError) -> CloneResource {
        let depth = reader.depth, empty = reader.isEmptyElement
        var clone = CloneResource()
        while reader.moveToNextAttribute() {
            switch reader.localName {
            case "id": clone.id = reader.value.string
            case "multi_state": clone.promotable = try bool("clone", "multi_state")
            case "unique": clone.unique = try bool("clone", "unique")
            case "managed": clone.managed = try bool("clone", "managed")
            case "disabled": clone.disabled = try bool("clone", "disabled")
            case "failed": clone.failed = try bool("clone", "failed")
            case "failure_ignored": clone.failureIgnored = try bool("clone", "failure_ignored")
            case "maintenance": clone.maintenance = try bool("clone", "maintenance")
            case "target_role": clone.targetRole = ResourceRole(reader.value)
            case "description": clone.description = reader.value.string
            default: break
            }
        }
        guard !empty else { return clone }
        clone.instances = try parseResourceList(depth: depth)
        return clone
    }

    private func parseBundle() throws(CrmMonError) -> BundleResource {
        let depth = reader.depth, empty = reader.isEmptyElement
        var bundle = BundleResource()
        while reader.moveToNextAttribute() {
            switch reader.localName {
            case "id": bundle.id = reader.value.string
            case "type": bundle.type = BundleResource.ContainerType(rawValue: reader.value.string) ?? .unknown
            case "image": bundle.image = reader.value.string
            case "unique": bundle.unique = try bool("bundle", "unique")
            case "managed": bundle.managed = try bool("bundle", "managed")
            case "failed": bundle.failed = try bool("bundle", "failed")
            default: break
            }
        }
        guard !empty else { return bundle }
        try forEachChild(of: depth, named: "replica") { () throws(CrmMonError) in
            let replicaDepth = reader.depth, replicaEmpty = reader.isEmptyElement
            var replica = BundleResource.Replica(id: 0, resources: [])
            while reader.moveToNextAttribute() {
                if reader.localName.matches("id") { replica.id = try int("replica", "id") }
            }
            if !replicaEmpty {
                try forEachChild(of: replicaDepth, named: "resource") { () throws(CrmMonError) in
                    replica.resources.append(try parsePrimitive())
                }
            }
            bundle.replicas.append(replica)
        }
        return bundle
    }
}
