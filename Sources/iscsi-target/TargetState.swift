import TandemCore
import TandemNetwork

/// What runs of this resource's target on this node, as a backend reads it from the system
/// (tgtd's show; configfs or sysfs for the kernel targets), in terms every backend shares.
struct TargetState: Sendable, Equatable {
    struct LUN: Sendable, Equatable {
        var number: Int
        var path: String?
        var serial: String
        /// nil where the backend has no separate device id (LIO builds it from the serial).
        var deviceID: String?
        /// The target port group this LUN's port is in (nil: the backend's default group).
        var alua: ALUAGroup? = nil
    }

    /// A LUN's target port group as the backend shows it.
    struct ALUAGroup: Sendable, Equatable {
        var name: String
        /// nil until an id is written (LIO shows such a group nowhere).
        var id: Int?
        var state: ALUAState?
        var preferred: Bool
    }

    /// The portals running, in the backend's terms.
    enum Portals: Sendable, Equatable {
        /// LIO's `np/ip:port` directories.
        case listening(Set<String>)
        /// SCST's `allowed_portal` addresses (none: every address of iscsi-scstd).
        case allowedAddresses(Set<String>)

        /// What `configuration` calls for, in the same terms.
        func configured(_ configuration: TargetConfiguration) -> Set<String> {
            switch self {
            case .listening: Set(configuration.portals.map(\.description))
            case .allowedAddresses: Set(configuration.portals.filter { !$0.address.isUnspecified }.map { $0.address.description })
            }
        }

        var present: Set<String> {
            switch self {
            case .listening(let names), .allowedAddresses(let names): names
            }
        }
    }

    /// Accepts logins and serves I/O.
    var enabled: Bool
    var luns: [LUN]
    /// Every initiator may log in (tgt's `ALL`, LIO's generated ACLs).
    var openToAll: Bool
    var initiators: Set<String>
    var incomingUsers: Set<String>
    var sessions: Int
    /// nil where the portals are not the resource's (tgt listens on tgtd's own).
    var portals: Portals? = nil

    /// Where the running target differs from `configuration`: each a reason a monitor
    /// reports (and stop then cleans). Empty: it runs as configured.
    func discrepancies(from configuration: TargetConfiguration) -> [String] {
        var found: [String] = []
        if !enabled { found.append("target \(configuration.iqn) is disabled (offline)") }
        // A missing portal is a path the client lacks; one added by hand is left to the next
        // start (which removes it), not a reason to restart the target under its sessions.
        if let portals {
            let missing = portals.configured(configuration).subtracting(portals.present).sorted()
            if !missing.isEmpty { found.append("portal(s) \(missing.joined(separator: " ")) missing") }
        }
        let running = Dictionary(luns.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        for lun in configuration.luns {
            guard let present = running[lun.number] else {
                found.append("LUN \(lun.number) (\(lun.path)) is not exported")
                continue
            }
            if present.path != lun.path.text {
                found.append("LUN \(lun.number) exports \(present.path ?? "nothing") instead of \(lun.path)")
            }
        }
        let configured = Set(configuration.luns.map(\.number))
        for lun in luns where !configured.contains(lun.number) {
            found.append("LUN \(lun.number) (\(lun.path ?? "no device")) is exported but not configured")
        }
        let wanted = Set(configuration.initiators.map(\.text))
        if wanted.isEmpty {
            if !openToAll { found.append("the target does not admit every initiator (allowed_initiators is empty)") }
        } else {
            if openToAll { found.append("the target admits every initiator, not only allowed_initiators") }
            let missing = wanted.subtracting(initiators).sorted()
            let extra = initiators.subtracting(wanted).sorted()
            if !missing.isEmpty { found.append("initiator(s) \(missing.joined(separator: ", ")) cannot log in") }
            if !extra.isEmpty { found.append("initiator(s) \(extra.joined(separator: ", ")) may log in but are not in allowed_initiators") }
        }
        let users = Set(configuration.chap.map { [$0.user.text] } ?? [])
        if users != incomingUsers {
            found.append(users.isEmpty ? "CHAP is required (user \(incomingUsers.sorted().joined(separator: ", "))) but not configured"
                                       : "CHAP user \(users.sorted().joined(separator: ", ")) is not bound to the target")
        }
        return found
    }

    /// Where the LUNs' target port groups differ from a promotable configuration: each LUN in
    /// this node's group, one state for all of them, one a role has.
    func aluaDiscrepancies(from configuration: TargetConfiguration) -> [String] {
        guard let alua = configuration.alua else { return [] }
        var found: [String] = []
        for lun in luns where configuration.luns.contains(where: { $0.number == lun.number }) {
            guard let group = lun.alua, group.name == alua.groupName else {
                found.append("LUN \(lun.number) is not in target port group \(alua.groupName) (\(lun.alua?.name ?? "the default group"))")
                continue
            }
            if group.id != alua.groupID {
                found.append("LUN \(lun.number)'s target port group has id \(group.id.map(String.init) ?? "none"), configured \(alua.groupID)")
            }
            guard let state = group.state, state == .activeOptimized || state == alua.unpromoted.state
                    || state == .activeNonOptimized else {
                found.append("LUN \(lun.number)'s target port group is \(group.state?.description ?? "in an unknown state")")
                continue
            }
            if group.preferred != (state == .activeOptimized) {
                found.append("LUN \(lun.number)'s group is \(group.preferred ? "" : "not ")preferred while \(state)")
            }
        }
        if Set(luns.compactMap { $0.alua?.state.map { $0 == .activeOptimized } }).count > 1 {
            found.append("some LUNs are active/optimized and some are not (a promote or demote did not finish)")
        }
        return found
    }

    /// The role the LUNs' groups show: promoted when active/optimized, unpromoted otherwise.
    var aluaPromoted: Bool {
        !luns.isEmpty && luns.allSatisfy { $0.alua?.state == .activeOptimized }
    }

    /// LUNs whose serial or device id differs from the configured identity: a client sees a
    /// different WWID here than on the other node.
    func identityMismatches(from configuration: TargetConfiguration) -> [String] {
        configuration.luns.compactMap { lun in
            guard let present = luns.first(where: { $0.number == lun.number }) else { return nil }
            if present.serial != lun.identity.serial || (present.deviceID.map { $0 != lun.identity.deviceID } ?? false) {
                return "LUN \(lun.number) presents serial \(present.serial) and id \(present.deviceID ?? "-"), "
                    + "configured \(lun.identity.serial) and \(lun.identity.deviceID)"
            }
            return nil
        }
    }
}

/// One backend: how the target is read, built and removed on this node.
protocol TargetBackend {
    /// The resource's target as it runs here, nil when none of it exists.
    func observe() throws -> TargetState?
    /// Makes the running target match the configuration: creates what is missing, changes
    /// what differs, removes what is no longer configured (start and reload-agent). A
    /// promotable target's groups take `aluaState` (nil: the state they have).
    func converge(aluaState: ALUAState?) throws
    /// A promotable target's groups to `state` (promote, demote, notify).
    func setALUAState(_ state: ALUAState) throws
    /// The other nodes' groups, where the backend reports them (SCST), to `state`.
    func setPeerALUAState(_ state: ALUAState) throws
    /// Removes all of this resource's target; what does not exist is success.
    func remove() throws
}

extension TargetBackend {
    /// LIO and tgt report only their own groups.
    func setPeerALUAState(_ state: ALUAState) throws {}
}
