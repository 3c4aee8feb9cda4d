import TandemCore

/// The parts of a Tandem SAN in a CIB, found by their agents: the DRBD clones, the LVM,
/// iSCSI target and floating IP resources (each the id that constraints name: the
/// outermost container, or the primitive itself).
struct SANLayout {
    let cib: CIBDocument

    enum Layer: Int, CaseIterable, Comparable {
        case lvm = 1, target, ip

        static func < (lhs: Layer, rhs: Layer) -> Bool { lhs.rawValue < rhs.rawValue }

        var name: String {
            switch self {
            case .lvm: "LVM"
            case .target: "iSCSI target"
            case .ip: "floating IP"
            }
        }

        /// Agent types by layer (any provider): Tandem's and the ones they replace.
        var agentTypes: Set<String> {
            switch self {
            case .lvm: ["lvm", "LVM-activate", "LVM"]
            case .target: ["iscsi-target", "iSCSITarget", "iSCSILogicalUnit", "SCSTTarget", "SCSTLun", "scst", "alua"]
            case .ip: FloatingIP.agentTypes
            }
        }
    }

    static let drbdAgentTypes: Set<String> = ["drbd"]

    /// DRBD primitives (`ocf:tandem:drbd`, `ocf:linbit:drbd`).
    var drbdPrimitives: [CIBResource] {
        cib.allResources.filter { $0.agent?.standard == "ocf" && Self.drbdAgentTypes.contains($0.agent?.type ?? "") }
    }

    /// The promotable clone around a DRBD primitive, nil when it is not in one.
    func clone(of primitive: CIBResource) -> CIBResource? {
        cib.ancestry(of: primitive.id).first { $0.kind == .clone }
    }

    /// The primitives of a layer, with the id constraints refer to (their top-level resource).
    func members(of layer: Layer) -> [CIBResource] {
        cib.allResources.filter { $0.kind == .primitive && $0.agent?.standard == "ocf"
            && layer.agentTypes.contains($0.agent?.type ?? "") }
    }
}
