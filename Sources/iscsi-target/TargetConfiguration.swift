import TandemCore
import TandemNetwork

/// The target as configured: every parameter typed, the LUN list merged from `luns` and
/// iSCSILogicalUnit's `lun`/`path`, each LUN with the identity all nodes present.
struct TargetConfiguration: Sendable {
    struct LUN: Hashable, Sendable {
        let number: Int
        let path: DevicePath
        let identity: LUNIdentity
    }

    /// A promotable target's ALUA: this node's target port group and the states of its roles.
    struct ALUA: Hashable, Sendable {
        /// This node's group id (distinct per node).
        let groupID: Int
        let unpromoted: ALUAUnpromotedState
        /// The other nodes' group ids (from alua_group_ids; SCST states their groups too).
        var peerGroupIDs: [Int] = []
        /// The group's name under each storage object's `alua/` (LIO), from the id.
        var groupName: String { "tandem_tg\(groupID)" }
    }

    struct CHAP: Hashable, Sendable {
        let user: CHAPUser
        let secret: CHAPSecret
    }

    let resourceName: String
    let iqn: ISCSIName
    let tid: Int?
    let portals: [Portal]
    let initiators: [ISCSIName]
    let chap: CHAP?
    let settings: [TargetSetting]
    let luns: [LUN]
    let vendor: String?
    let product: String?
    let blockSize: Int?
    let writeCache: Bool
    let forceWriteCache: Bool
    /// Set for a promotable clone instance: its role is its LUNs' ALUA state.
    let alua: ALUA?

    /// Why write-back caching is refused here: a cloned target's nodes export the same LUNs
    /// over dual-primary DRBD. Only where the backend honours write_cache (SCST, tgt; LIO's block
    /// backstore has no cache of its own), and unless forced.
    func writeCacheProblem(meta: ResourceMeta, backend: TargetImplementation?) -> String? {
        guard writeCache, !forceWriteCache, meta.promotable || (meta.cloneMax ?? 1) > 1, backend?.backend != .lio
        else { return nil }
        return "write_cache=true on a cloned target: its nodes export the same LUNs over dual-primary DRBD, and a write "
            + "one node's cache acknowledged is not on the other node's disk (lost with the node); set "
            + "force_write_cache=true only where the storage below is not dual-primary"
    }

    /// Reads the parameters. Conflicts between them (a LUN twice, a user without a secret)
    /// are `problems`: start and validate-all refuse them (6), stop and monitor still find
    /// the target by its iqn and tid.
    init(_ parameters: ParameterValues, resourceName: String, meta: ResourceMeta? = nil, localNode: String? = nil) {
        typealias D = TargetDeclaration
        self.resourceName = resourceName
        iqn = parameters[D.iqn]
        tid = parameters[D.tid]
        portals = Array(parameters[D.portals])
        initiators = Array(parameters[D.allowedInitiators])
        settings = Array(parameters[D.additionalParameters])
        vendor = parameters[D.vendorID]?.text
        product = parameters[D.productID]?.text
        blockSize = parameters[D.blockSize]
        writeCache = parameters[D.writeCache]
        forceWriteCache = parameters[D.forceWriteCache]
        let user = parameters[D.incomingUsername]
        let secret = parameters[D.incomingPassword]
        chap = user.flatMap { user in secret.map { CHAP(user: user, secret: $0) } }

        var problems: [String] = []
        var mappings = Array(parameters[D.luns])
        var configuredLUN: Int?
        switch (parameters[D.lun], parameters[D.path]) {
        case let (number?, path?):
            if let mapping = LUNMapping(number: number, path: path) {
                mappings.append(mapping)
                configuredLUN = number
            }
        case (.some, nil): problems.append("lun is set without path")
        case (nil, .some): problems.append("path is set without lun")
        case (nil, nil): break
        }
        var seen: Set<Int> = []
        for mapping in mappings where !seen.insert(mapping.number).inserted {
            problems.append("LUN \(mapping.number) is configured twice")
        }
        var seenPaths: [String: Int] = [:]
        for mapping in mappings {
            if let other = seenPaths[mapping.path.text], other != mapping.number {
                problems.append("\(mapping.path) backs both LUN \(other) and LUN \(mapping.number)")
            }
            seenPaths[mapping.path.text] = mapping.number
        }
        if (user == nil) != (secret == nil) {
            problems.append(user == nil ? "incoming_password is set without incoming_username"
                                        : "incoming_username is set without incoming_password")
        }
        if Set(initiators).count != initiators.count { problems.append("allowed_initiators names an initiator twice") }
        if Set(settings.map(\.name)).count != settings.count { problems.append("additional_parameters sets a parameter twice") }
        if Set(portals).count != portals.count { problems.append("portals names a portal twice") }
        let unique = Dictionary(mappings.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        let serial = parameters[D.scsiSerial]?.text
        let deviceID = parameters[D.scsiID]?.text
        luns = unique.values.sorted { $0.number < $1.number }.map {
            LUN(number: $0.number, path: $0.path,
                identity: LUNIdentity(resource: resourceName, lun: $0.number, serial: serial, deviceID: deviceID,
                                      asConfigured: $0.number == configuredLUN))
        }
        let assignments = Array(parameters[D.aluaGroupIDs])
        if Set(assignments.map(\.node)).count != assignments.count { problems.append("alua_group_ids names a node twice") }
        if Set(assignments.map(\.groupID)).count != assignments.count {
            problems.append("alua_group_ids gives two nodes the same id: a client would merge their paths into one group")
        }
        if let meta, meta.promotable {
            if luns.isEmpty { problems.append("a promotable target needs a LUN: its role is the ALUA state of its LUNs") }
            let unpromoted = parameters[D.aluaUnpromotedState]
            if let assigned = assignments.first(where: { $0.node == localNode }) {
                alua = ALUA(groupID: assigned.groupID, unpromoted: unpromoted,
                            peerGroupIDs: assignments.filter { $0.node != localNode }.map(\.groupID).sorted())
            } else if assignments.isEmpty, let id = meta.onNodeID.flatMap({ Int($0) }), ALUAGroupAssignment.ids.contains(id) {
                // Corosync's nodeid: unique in the cluster, and the same CIB serves every node.
                alua = ALUA(groupID: id, unpromoted: unpromoted)
            } else {
                alua = nil
                hostProblem = (assignments.isEmpty
                    ? "this node's ALUA group id cannot be derived (Pacemaker's node id \(meta.onNodeID ?? "unset") is not "
                      + "1 to 65535): set alua_group_ids (node=id for each node)"
                    : "alua_group_ids has no id for this node (\(localNode ?? "unknown")): add \(localNode ?? "<node>")=<id>")
                self.problems = problems
                return
            }
        } else {
            alua = nil
        }
        hostProblem = nil
        self.problems = problems
    }

    /// What is inconsistent between parameters (each valid alone).
    let problems: [String]
    /// What is wrong for this node only (no ALUA group id for it): 2, not 6.
    let hostProblem: String?
}
