import Glibc
import TandemCore
import TandemNetwork

extension SCSTBackend {
    /// start and reload-agent: devices (identity written before any LUN uses them), the
    /// target, its settings, portals, LUNs with the ACL, CHAP, ALUA, then the target enabled.
    func converge(aluaState: ALUAState?) throws {
        try load()
        if let problem = configurationProblem(promotable: configuration.alua != nil, notify: true) {
            throw OCFFailure(.notConfigured, problem)
        }
        // Another resource's queued work first (SCST's result attribute is global).
        management.settle()
        if let alua = configuration.alua, let holder = entries("targets/iscsi").first(where: {
            $0 != configuration.iqn.text && read("targets/iscsi/\($0)/rel_tgt_id").flatMap { Int($0) } == alua.groupID
        }) {
            // SCST wants relative port ids unique among the node's targets (else EBADSLT at
            // enable): refused before anything is made or disabled.
            throw OCFFailure(.invalidArgument, "relative port id \(alua.groupID) (this node's ALUA group id) is taken by "
                             + "target \(holder) on this node: give the resource other alua_group_ids")
        }
        try step("create \(SCSTLayout.reservationDirectory)") { try Self.makeDirectories(SCSTLayout.reservationDirectory) }
        for lun in configuration.luns { try ensureDevice(lun) }
        if !tree.isDirectory(layout.target) {
            try management.write("targets/iscsi/mgmt", "add_target \(configuration.iqn)", what: "add target \(configuration.iqn)",
                                 done: { tree.isDirectory(layout.target) })
        }
        for setting in configuration.settings {
            try step("set \(setting.name)") { try tree.write(layout.target + "/" + setting.name, setting.value) }
        }
        try convergePortals()
        if let alua = configuration.alua, read(layout.target + "/rel_tgt_id").flatMap({ Int($0) }) != alua.groupID {
            // The relative port id is the group id: distinct per node, and what the other node
            // states for this node's remote member. Writable only while the target is disabled.
            if read(layout.target + "/enabled") == "1" {
                try management.write(layout.target + "/enabled", "0", what: "disable \(configuration.iqn) to set its port id",
                                     done: { read(layout.target + "/enabled") == "0" })
            }
            try management.write(layout.target + "/rel_tgt_id", "\(alua.groupID)", what: "set rel_tgt_id \(alua.groupID)",
                                 done: { read(layout.target + "/rel_tgt_id").flatMap { Int($0) } == alua.groupID })
        }
        try convergeLUNs()
        try convergeCHAP()
        if let alua = configuration.alua {
            try convergeALUA(alua, state: aluaState ?? currentALUAState() ?? alua.unpromoted.state)
        }
        if read(layout.target + "/enabled") != "1" {
            try management.write(layout.target + "/enabled", "1", what: "enable \(configuration.iqn)",
                                 done: { read(layout.target + "/enabled") == "1" })
        }
        if read("targets/iscsi/enabled") != "1" {
            try management.write("targets/iscsi/enabled", "1", what: "enable iSCSI-SCST",
                                 done: { read("targets/iscsi/enabled") == "1" })
        }
        try removeUnusedDevices()
    }

    static func makeDirectories(_ path: String) throws(SystemError) {
        var current = ""
        for part in path.split(separator: "/") {
            current += "/" + part
            do { try Syscalls.makeDirectory(current) } catch where error.code == EEXIST {}
        }
    }

    private func ensureDevice(_ lun: TargetConfiguration.LUN) throws {
        let name = layout.deviceName(lun.number)
        let device = layout.device(lun.number)
        let naa = SCSTLayout.naaID(serial: lun.identity.serial)
        if tree.isDirectory(device), try devicePath(name) == lun.path.text,
           try readExisting(device + "/usn") == lun.identity.serial,
           try readExisting(device + "/naa_id").map(SCSTLayout.naaID(fromAttribute:)) == naa,
           try readExisting(device + "/write_through") == (configuration.writeCache ? "0" : "1"),
           try configuration.blockSize.map({ "\($0)" }) ?? readExisting(device + "/blocksize") == readExisting(device + "/blocksize") {
            return
        }
        if tree.isDirectory(device) {
            // Another device, or a half-made one: made anew (its LUNs go first).
            try unexport(name)
            try management.write(SCSTLayout.handler + "/mgmt", "del_device \(name)", what: "delete device \(name)",
                                 done: { !tree.isDirectory(device) })
        }
        var parameters = "filename=\(lun.path); nv_cache=0; write_through=\(configuration.writeCache ? 0 : 1)"
        if let size = configuration.blockSize { parameters += "; blocksize=\(size)" }
        try management.write(SCSTLayout.handler + "/mgmt", "add_device \(name) \(parameters)",
                             what: "create device \(name) on \(lun.path)", done: { tree.isDirectory(device) })
        try step("set the identity of \(name)") {
            try tree.write(device + "/usn", lun.identity.serial)
            try tree.write(device + "/naa_id", naa)
            if let vendor = configuration.vendor { try tree.write(device + "/t10_vend_id", vendor) }
            if let product = configuration.product { try tree.write(device + "/prod_id", product) }
        }
        logger.info("device \(name) on \(lun.path), serial \(lun.identity.serial)")
    }

    /// `allowed_portal` attributes for the configured addresses (none: every address).
    private func convergePortals() throws {
        let wanted = TargetState.Portals.allowedAddresses([]).configured(configuration)
        let present = try allowedPortals()
        for address in Set(present).subtracting(wanted) {
            try management.write("targets/iscsi/mgmt", "del_target_attribute \(configuration.iqn) allowed_portal \(address)",
                                 what: "remove portal \(address)", done: { (try? allowedPortals())?.contains(address) == false })
        }
        for address in wanted.subtracting(present).sorted() {
            try management.write("targets/iscsi/mgmt", "add_target_attribute \(configuration.iqn) allowed_portal \(address)",
                                 what: "add portal \(address)", done: { (try? allowedPortals())?.contains(address) == true })
        }
    }

    /// The target's `allowed_portal` attributes (`allowed_portal`, `allowed_portal1`, …). Each
    /// read asks iscsi-scstd: one it does not answer is an error, not a portal missing.
    func allowedPortals() throws -> [String] {
        try entries(layout.target).filter { $0.hasBytePrefix("allowed_portal") }.compactMap { try readExisting(layout.target + "/" + $0) }
    }

    /// The LUNs in the default set (every initiator) or in the group `allowed` with its
    /// initiators; the other set emptied.
    private func convergeLUNs() throws {
        let restricted = !configuration.initiators.isEmpty
        if restricted, !tree.isDirectory(layout.group) {
            try management.write(layout.target + "/ini_groups/mgmt", "create \(SCSTLayout.initiatorGroup)",
                                 what: "create the initiator group", done: { tree.isDirectory(layout.group) })
        }
        let used = restricted ? layout.group + "/luns" : layout.target + "/luns"
        let unused = restricted ? layout.target + "/luns" : layout.group + "/luns"
        for name in entries(unused) where Int(name) != nil {
            try management.write(unused + "/mgmt", "del \(name)", what: "remove LUN \(name) from \(unused)",
                                 done: { !tree.isDirectory(unused + "/\(name)") })
        }
        if !restricted, tree.isDirectory(layout.group) {
            try management.write(layout.target + "/ini_groups/mgmt", "del \(SCSTLayout.initiatorGroup)",
                                 what: "remove the initiator group", done: { !tree.isDirectory(layout.group) })
        }
        let wanted = Dictionary(uniqueKeysWithValues: configuration.luns.map { ($0.number, $0) })
        for name in entries(used) {
            guard let number = Int(name) else { continue }
            let device = tree.linkTarget(used + "/\(name)/device").map { String($0.split(separator: "/").last ?? "") }
            if wanted[number] == nil || device != layout.deviceName(number) {
                try management.write(used + "/mgmt", "del \(number)", what: "remove LUN \(number)",
                                     done: { !tree.isDirectory(used + "/\(number)") })
                logger.info("removed LUN \(number)")
            }
        }
        for lun in configuration.luns where !tree.isDirectory(used + "/\(lun.number)") {
            try management.write(used + "/mgmt", "add \(layout.deviceName(lun.number)) \(lun.number)", what: "export LUN \(lun.number)",
                                 done: { tree.isDirectory(used + "/\(lun.number)") })
            logger.info("LUN \(lun.number) exports \(lun.path)")
        }
        guard restricted else { return }
        let initiators = Set(configuration.initiators.map(\.text))
        let present = Set(entries(layout.group + "/initiators"))
        for initiator in present.subtracting(initiators).sorted() {
            try management.write(layout.group + "/initiators/mgmt", "del \(initiator)", what: "remove initiator \(initiator)",
                                 done: { !tree.exists(layout.group + "/initiators/" + initiator) })
        }
        for initiator in initiators.subtracting(present).sorted() {
            try management.write(layout.group + "/initiators/mgmt", "add \(initiator)", what: "admit initiator \(initiator)",
                                 done: { tree.exists(layout.group + "/initiators/" + initiator) })
        }
    }

    /// The CHAP account: only the configured one bound. A new user is added before the old
    /// one goes; a changed secret of the same user replaces it, and the old account comes back
    /// when the new one is refused: the target is never left without CHAP.
    private func convergeCHAP() throws {
        let present = incomingUsers()
        guard let chap = configuration.chap else {
            for account in present {
                try management.write("targets/iscsi/mgmt", "del_target_attribute \(configuration.iqn) IncomingUser \(account.user)",
                                     what: "remove CHAP user \(account.user)", done: { !hasAccount(user: account.user) })
            }
            return
        }
        if present.contains(where: { $0.user == chap.user.text && $0.secret == chap.secret.text }) {
            for account in present where account.user != chap.user.text {
                try management.write("targets/iscsi/mgmt", "del_target_attribute \(configuration.iqn) IncomingUser \(account.user)",
                                     what: "remove CHAP user \(account.user)", done: { !hasAccount(user: account.user) })
            }
            return
        }
        let same = present.first { $0.user == chap.user.text }
        if let same {
            try management.write("targets/iscsi/mgmt", "del_target_attribute \(configuration.iqn) IncomingUser \(same.user)",
                                 what: "replace the secret of CHAP user \(same.user)", done: { !hasAccount(user: same.user) })
        }
        // A free attribute name: IncomingUser, IncomingUser1, ...
        let taken = Set(entries(layout.target).filter { $0.hasPrefix("IncomingUser") })
        let attribute = ([""] + (1...64).map(String.init)).map { "IncomingUser" + $0 }.first { !taken.contains($0) } ?? "IncomingUser"
        do {
            // The secret goes to sysfs only (written, never logged or passed as an argument).
            try management.write("targets/iscsi/mgmt",
                                 "add_target_attribute \(configuration.iqn) \(attribute) \(chap.user) \(chap.secret.text)",
                                 what: "set CHAP user \(chap.user)",
                                 done: { hasAccount(user: chap.user.text, secret: chap.secret.text) })
        } catch {
            if let same {
                try? management.write("targets/iscsi/mgmt",
                                      "add_target_attribute \(configuration.iqn) \(same.attribute) \(same.user) \(same.secret)",
                                      what: "restore CHAP user \(same.user)",
                                      done: { hasAccount(user: same.user, secret: same.secret) })
            }
            throw error
        }
        for account in present where account.user != chap.user.text {
            try management.write("targets/iscsi/mgmt", "del_target_attribute \(configuration.iqn) IncomingUser \(account.user)",
                                 what: "remove CHAP user \(account.user)", done: { !hasAccount(user: account.user) })
        }
    }

    private func removeUnusedDevices() throws {
        let wanted = Set(configuration.luns.map { layout.deviceName($0.number) })
        for name in ownDevices() where !wanted.contains(name) {
            try unexport(name)
            try management.write(SCSTLayout.handler + "/mgmt", "del_device \(name)", what: "delete device \(name)",
                                 done: { !tree.isDirectory("devices/" + name) })
        }
    }

    /// Whether the target has an IncomingUser account of `user` (with `secret`, when given).
    func hasAccount(user: String, secret: String? = nil) -> Bool {
        incomingUsers().contains { $0.user == user && (secret == nil || $0.secret == secret) }
    }

    /// Removes this target's LUNs that use device `name`, and the device from the device group.
    func unexport(_ name: String) throws {
        for set in [layout.target + "/luns", layout.group + "/luns"] {
            for entry in entries(set) where Int(entry) != nil {
                if tree.linkTarget(set + "/\(entry)/device").map({ String($0.split(separator: "/").last ?? "") }) == name {
                    try management.write(set + "/mgmt", "del \(entry)", what: "remove LUN \(entry)",
                                         done: { !tree.isDirectory(set + "/\(entry)") })
                }
            }
        }
        if tree.exists(layout.deviceGroup + "/devices/" + name) {
            try management.write(layout.deviceGroup + "/devices/mgmt", "del \(name)", what: "remove \(name) from the device group",
                                 done: { !tree.exists(layout.deviceGroup + "/devices/" + name) })
        }
    }
}
