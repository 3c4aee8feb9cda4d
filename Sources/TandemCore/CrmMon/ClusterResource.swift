/// A top-level or nested entry of the `<resources>` tree.
public enum ClusterResource: Sendable, Equatable {
    case primitive(PrimitiveResource)
    case group(ResourceGroup)
    case clone(CloneResource)
    case bundle(BundleResource)

    /// The entry's own id (for a primitive its possibly instance-suffixed id).
    public var id: String {
        switch self {
        case .primitive(let primitive): primitive.id
        case .group(let group): group.id
        case .clone(let clone): clone.id
        case .bundle(let bundle): bundle.id
        }
    }

    /// Every primitive inside, in document order (the entry itself for a primitive).
    public var primitives: [PrimitiveResource] {
        var result: [PrimitiveResource] = []
        appendPrimitives(to: &result)
        return result
    }

    func appendPrimitives(to result: inout [PrimitiveResource]) {
        switch self {
        case .primitive(let primitive): result.append(primitive)
        case .group(let group): result.append(contentsOf: group.members)
        case .clone(let clone): for instance in clone.instances { instance.appendPrimitives(to: &result) }
        case .bundle(let bundle): for replica in bundle.replicas { result.append(contentsOf: replica.resources) }
        }
    }
}
