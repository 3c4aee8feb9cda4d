import TandemCore

/// ALUA on SCST: the resource's device group holds its devices and one target group per
/// node: this node's with its target (relative port id = its group id), the other node's with
/// a remote member carrying that node's id. SCST reports every group to the client and does
/// not synchronise them between nodes, so each node states the other's group too
/// (`setPeerALUAState`, from notifications): both nodes then answer alike.
extension SCSTBackend {
    func convergeALUA(_ alua: TargetConfiguration.ALUA, state: ALUAState) throws {
        let group = layout.deviceGroup
        if !tree.isDirectory(group) {
            try management.write("device_groups/mgmt", "create \(layout.resource)", what: "create device group \(layout.resource)",
                                 done: { tree.isDirectory(group) })
        }
        let wanted = Set(configuration.luns.map { layout.deviceName($0.number) })
        for name in entries(group + "/devices") where !wanted.contains(name) {
            try management.write(group + "/devices/mgmt", "del \(name)", what: "remove \(name) from the device group",
                                 done: { !tree.exists(group + "/devices/" + name) })
        }
        for name in wanted.sorted() where !tree.exists(group + "/devices/" + name) {
            try management.write(group + "/devices/mgmt", "add \(name)", what: "add \(name) to the device group",
                                 done: { tree.exists(group + "/devices/" + name) })
        }
        let ids = [alua.groupID] + alua.peerGroupIDs
        for name in entries(group + "/target_groups") where !ids.map(layout.targetGroupName).contains(name) {
            try management.write(group + "/target_groups/mgmt", "del \(name)", what: "remove target group \(name)",
                                 done: { !tree.isDirectory(group + "/target_groups/" + name) })
        }
        try ensureTargetGroup(alua.groupID, member: configuration.iqn.text, remote: false)
        for peer in alua.peerGroupIDs {
            // Until a notification tells, the peer is taken as promoted (a start beside a
            // running promoted node must not turn the client away from it).
            if try ensureTargetGroup(peer, member: layout.remoteMember(peer), remote: true) {
                try setGroup(layout.targetGroup(peer), .activeOptimized)
            }
        }
        try setGroup(layout.targetGroup(alua.groupID), state)
    }

    /// Creates a target group with its id and member; true when it was created.
    @discardableResult
    private func ensureTargetGroup(_ id: Int, member: String, remote: Bool) throws -> Bool {
        let path = layout.targetGroup(id)
        var created = false
        if tree.isDirectory(path), read(path + "/group_id").flatMap({ Int($0) }) != id {
            try management.write(layout.deviceGroup + "/target_groups/mgmt", "del \(layout.targetGroupName(id))",
                                 what: "remove target group \(layout.targetGroupName(id))", done: { !tree.isDirectory(path) })
        }
        if !tree.isDirectory(path) {
            try management.write(layout.deviceGroup + "/target_groups/mgmt", "create \(layout.targetGroupName(id))",
                                 what: "create target group \(layout.targetGroupName(id))", done: { tree.isDirectory(path) })
            try step("set group_id \(id)") { try tree.write(path + "/group_id", "\(id)") }
            created = true
        }
        if !tree.exists(path + "/" + member) {
            try management.write(path + "/mgmt", "add \(member)", what: "add \(member) to target group \(id)",
                                 done: { tree.exists(path + "/" + member) })
        }
        if remote, read(path + "/\(member)/rel_tgt_id").flatMap({ Int($0) }) != id {
            try step("set the remote port id \(id)") { try tree.write(path + "/\(member)/rel_tgt_id", "\(id)") }
        }
        return created
    }

    /// One group's state and preference: `preferred` only with active/optimized (a preferred
    /// non-optimized group outranks it at the client), cleared before a demotion.
    func setGroup(_ group: String, _ state: ALUAState) throws {
        let preferred = state == .activeOptimized
        if !preferred && read(group + "/preferred") != "0" {
            try management.write(group + "/preferred", "0", what: "clear preferred on \(group)",
                                 done: { read(group + "/preferred") == "0" })
        }
        if read(group + "/state") != state.scstName {
            try management.write(group + "/state", state.scstName, what: "set \(group) \(state)",
                                 done: { read(group + "/state") == state.scstName })
        }
        if preferred && read(group + "/preferred") != "1" {
            try management.write(group + "/preferred", "1", what: "set preferred on \(group)",
                                 done: { read(group + "/preferred") == "1" })
        }
    }

    func currentALUAState() -> ALUAState? {
        guard let alua = configuration.alua else { return nil }
        return read(layout.targetGroup(alua.groupID) + "/state").flatMap(ALUAState.init(rawValue:))
    }

    func setALUAState(_ state: ALUAState) throws {
        guard let alua = configuration.alua else { return }
        let group = layout.targetGroup(alua.groupID)
        guard tree.isDirectory(group) else {
            throw OCFFailure(.genericError, "target group \(layout.targetGroupName(alua.groupID)) does not exist")
        }
        try setGroup(group, state)
        logger.info("target group \(layout.targetGroupName(alua.groupID)) is \(state)")
    }

    func setPeerALUAState(_ state: ALUAState) throws {
        guard let alua = configuration.alua else { return }
        for peer in alua.peerGroupIDs where tree.isDirectory(layout.targetGroup(peer)) {
            try setGroup(layout.targetGroup(peer), state)
        }
    }
}
