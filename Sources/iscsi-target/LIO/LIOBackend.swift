import Glibc
import TandemCore

/// The target on LIO, the kernel's, through configfs directly (no targetcli, no Python): an
/// iblock storage object per LUN, the target with one TPG, its LUNs, portals, ACL (explicit
/// node ACLs with mapped LUNs, or generated ones when every initiator is allowed) and CHAP.
///
/// Order matters in configfs: a storage object's identity (`wwn/*`) is frozen once a LUN links
/// to it, so it is written before; the TPG is enabled last, after the ACL, so no initiator
/// logs in to a half-built target.
struct LIOBackend: TargetBackend {
    let configuration: TargetConfiguration
    let tree: AttributeTree
    let layout: LIOLayout
    let logger: Logger
    let runner: CommandRunner

    init(configuration: TargetConfiguration, root: String = "/sys/kernel/config/target", logger: Logger,
         runner: CommandRunner) {
        self.configuration = configuration
        tree = AttributeTree(root: root)
        layout = LIOLayout(resource: configuration.resourceName, iqn: configuration.iqn,
                           tpgTag: configuration.alua?.groupID ?? 1)
        self.logger = logger
        self.runner = runner
    }

    /// LIO's core is loaded (configfs shows its tree).
    var isLoaded: Bool { tree.exists("") }

    /// Loads LIO's core and iSCSI fabric (start only; nothing else loads modules).
    func load() throws {
        guard !isLoaded else { return }
        let result = try runner.run(Command("modprobe", ["-a", "target_core_mod", "iscsi_target_mod"]))
        guard result.succeeded, isLoaded else {
            throw OCFFailure(.notInstalled, "LIO is not available: \(tree.root) is missing after modprobe target_core_mod "
                             + "iscsi_target_mod (\(result.summary); configfs mounted?)")
        }
    }

    // MARK: reading

    func observe() throws -> TargetState? {
        let objects = (try? tree.children(layout.hba)) ?? []
        guard tree.isDirectory(layout.tpg) else {
            // A crash between the storage objects and the target: monitor reports it, stop cleans it.
            return objects.isEmpty && !tree.isDirectory(layout.target) ? nil
                : TargetState(enabled: false, luns: [], openToAll: false, initiators: [], incomingUsers: [], sessions: 0)
        }
        let tpg = layout.tpg
        let generated = read(tpg + "/attrib/generate_node_acls") == "1"
        let initiators = Set(((try? tree.children(tpg + "/acls")) ?? []))
        let authentication = read(tpg + "/attrib/authentication") == "1"
        var users: Set<String> = []
        if authentication {
            let places = generated ? [tpg] : initiators.map { layout.acl($0) }
            for place in places { if let user = read(place + "/auth/userid"), !user.isEmpty { users.insert(user) } }
        }
        let sessions = read(tpg + "/dynamic_sessions")?.split(separator: "\n").count ?? 0
        let portals = TargetState.Portals.listening(Set((try? tree.children(tpg + "/np")) ?? []))
        return TargetState(enabled: read(tpg + "/enable") == "1", luns: try runningLUNs(), openToAll: generated,
                           initiators: initiators, incomingUsers: users, sessions: sessions, portals: portals)
    }

    private func runningLUNs() throws -> [TargetState.LUN] {
        let names = (try? tree.children(layout.tpg + "/lun")) ?? []
        return names.compactMap { name -> TargetState.LUN? in
            guard let number = LIOLayout.lunNumber(name) else { return nil }
            let object = storageObject(linkedFrom: layout.lun(number))
            return TargetState.LUN(number: number, path: object.flatMap(devicePath),
                                   serial: object.flatMap { read($0 + "/wwn/vpd_unit_serial") }.map(LIOText.serial) ?? "",
                                   deviceID: nil,
                                   alua: configuration.alua == nil ? nil : object.flatMap { aluaGroup(of: number, object: $0) })
        }
    }

    /// The storage object (relative to the root) a LUN directory links to: by the link name
    /// this resource gives (one readlink, each monitor), else the first link found (targetcli's,
    /// a foreign target's).
    private func storageObject(linkedFrom directory: String) -> String? {
        if let object = tree.linkedObject(directory + "/" + layout.linkName) { return object }
        return tree.firstLinkedObject(in: directory)
    }

    private func read(_ relative: String) -> String? { try? tree.read(relative) }

    /// The target port group LUN `number` is in, read from the group itself.
    private func aluaGroup(of number: Int, object: String) -> TargetState.ALUAGroup? {
        guard let info = read(layout.lun(number) + "/alua_tg_pt_gp"), let name = LIOText.groupAlias(fromMembership: info)
        else { return nil }
        let group = object + "/alua/" + name
        return TargetState.ALUAGroup(name: name, id: read(group + "/tg_pt_gp_id").flatMap { Int($0) },
                                     state: read(group + "/alua_access_state").flatMap { Int($0) }.flatMap(ALUAState.init(lioNumber:)),
                                     preferred: read(group + "/preferred") == "1")
    }

    /// A storage object's device: `udev_path`, or the `UDEV PATH:` its `info` shows.
    private func devicePath(_ object: String) -> String? {
        if let path = read(object + "/udev_path"), !path.isEmpty { return path }
        guard let info = read(object + "/info"), let range = info.firstRange(of: "UDEV PATH: ") else { return nil }
        return String(info[range.upperBound...].prefix { !$0.isWhitespace })
    }

    // MARK: start and reload

    /// `aluaState`: the state a promotable target's groups take (start: unpromoted); nil keeps
    /// the one they have (reload-agent; new LUNs join in it).
    func converge(aluaState: ALUAState?) throws {
        try load()
        let aluaState = aluaState ?? currentALUAState() ?? configuration.alua?.unpromoted.state
        if !tree.isDirectory("iscsi") {
            // Creating the fabric's directory loads iscsi_target_mod (the kernel's request_module).
            try step("load the iSCSI fabric") { try tree.makeDirectory("iscsi") }
        }
        try step("create the HBA") { try tree.makeDirectory(layout.hba) }
        for lun in configuration.luns {
            try ensureStorageObject(lun)
            if let aluaState { try ensureALUAGroup(layout.storageObject(lun.number), state: aluaState) }
        }
        try step("create the target") {
            try tree.makeDirectory(layout.target)
            try tree.makeDirectory(layout.tpg)
        }
        // A TPG of another tag (the resource was a primitive, or had another group id).
        for tpg in ((try? tree.children(layout.target)) ?? []).filter({ $0.hasBytePrefix("tpgt_") })
        where layout.target + "/" + tpg != layout.tpg {
            try removeTPG(layout.target + "/" + tpg)
        }
        let tpg = layout.tpg
        for setting in configuration.settings {
            try step("set \(setting.name)") { try tree.write(tpg + "/param/" + setting.name, setting.value) }
        }
        try convergePortals()
        try convergeLUNs()
        try attachALUAGroups()
        try convergeACL()
        if read(tpg + "/enable") != "1" { try step("enable the target") { try tree.write(tpg + "/enable", "1") } }
        try removeUnusedStorageObjects()
    }

    private func ensureStorageObject(_ lun: TargetConfiguration.LUN) throws {
        let object = layout.storageObject(lun.number)
        if tree.isDirectory(object), devicePath(object) == lun.path.text, read(object + "/enable") == "1" {
            return
        }
        if tree.isDirectory(object) {
            // Another device, or a half-made object: made anew (its LUN links go first).
            try removeStorageObject(object)
        }
        try step("create storage object for LUN \(lun.number) on \(lun.path)") {
            try tree.makeDirectory(object)
            try tree.write(object + "/control", "udev_path=\(lun.path)")
            // What `udev_path` shows (the control write alone leaves it empty), and monitor reads.
            try tree.write(object + "/udev_path", lun.path.text)
            try tree.write(object + "/wwn/vpd_unit_serial", lun.identity.serial)
            if let vendor = configuration.vendor { try tree.write(object + "/wwn/vendor_id", vendor) }
            if let product = configuration.product { try tree.write(object + "/wwn/product_id", product) }
            if let size = configuration.blockSize { try tree.write(object + "/attrib/block_size", "\(size)") }
            try tree.write(object + "/enable", "1")
        }
        logger.info("storage object \(object) on \(lun.path), serial \(lun.identity.serial)")
    }

    // MARK: ALUA (promotable)

    /// This node's group under a storage object: made with its id, implicit ALUA only (no STPG
    /// from the client), no delay for non-optimized commands, then given `state`; before any
    /// LUN joins it (the TPG is enabled later, so clients read TPGS at login).
    private func ensureALUAGroup(_ object: String, state: ALUAState) throws {
        guard let alua = configuration.alua else { return }
        let group = object + "/alua/" + alua.groupName
        if tree.isDirectory(group), read(group + "/tg_pt_gp_id").flatMap({ Int($0) }) != alua.groupID {
            // Half made (no id yet), or another id configured since: the id is written once.
            try step("remove target port group \(group)") { try tree.removeDirectory(group) }
        }
        if !tree.isDirectory(group) {
            try step("create target port group \(alua.groupName) (id \(alua.groupID)) of \(object)") {
                try tree.makeDirectory(group)
                try tree.write(group + "/tg_pt_gp_id", "\(alua.groupID)")
                try tree.write(group + "/alua_access_type", "1")
                try tree.write(group + "/nonop_delay_msecs", "0")
                try tree.write(group + "/trans_delay_msecs", "0")
                try tree.write(group + "/preferred", "0")
            }
        }
        try setGroup(group, state)
    }

    /// Sets one group's state and preference. `preferred` goes only with active/optimized
    /// (a preferred non-optimized group outranks it at the client), so it is cleared before a
    /// demotion and set after a promotion.
    private func setGroup(_ group: String, _ state: ALUAState) throws {
        let current = read(group + "/alua_access_state").flatMap { Int($0) }.flatMap(ALUAState.init(lioNumber:))
        let preferred = state == .activeOptimized
        if !preferred && read(group + "/preferred") != "0" {
            try step("clear preferred on \(group)") { try tree.write(group + "/preferred", "0") }
        }
        if current != state {
            try step("set \(group) \(state)") { try tree.write(group + "/alua_access_state", "\(state.lioNumber)") }
        }
        if preferred && read(group + "/preferred") != "1" {
            try step("set preferred on \(group)") { try tree.write(group + "/preferred", "1") }
        }
    }

    /// Puts each LUN's port in this node's group (a client learns of it by a 3F/03 attention).
    private func attachALUAGroups() throws {
        guard let alua = configuration.alua else { return }
        for lun in configuration.luns {
            let attribute = layout.lun(lun.number) + "/alua_tg_pt_gp"
            if read(attribute).flatMap(LIOText.groupAlias(fromMembership:)) != alua.groupName {
                try step("put LUN \(lun.number) in target port group \(alua.groupName)") { try tree.write(attribute, alua.groupName) }
            }
        }
    }

    /// The state the resource's groups are in now (the first LUN's), nil when none has one.
    private func currentALUAState() -> ALUAState? {
        guard let alua = configuration.alua else { return nil }
        for lun in configuration.luns {
            let group = layout.storageObject(lun.number) + "/alua/" + alua.groupName
            if let state = read(group + "/alua_access_state").flatMap({ Int($0) }).flatMap(ALUAState.init(lioNumber:)) {
                return state
            }
        }
        return nil
    }

    /// promote, demote and notify: every LUN's group to `state`, in LUN order.
    func setALUAState(_ state: ALUAState) throws {
        guard let alua = configuration.alua else { return }
        for lun in configuration.luns {
            let group = layout.storageObject(lun.number) + "/alua/" + alua.groupName
            guard tree.isDirectory(group) else {
                throw OCFFailure(.genericError, "LUN \(lun.number) has no target port group \(alua.groupName)")
            }
            try setGroup(group, state)
        }
        logger.info("target port group \(alua.groupName) (id \(alua.groupID)) is \(state)")
    }

    private func convergePortals() throws {
        let wanted = Set(configuration.portals.map(LIOLayout.portalName))
        let present = Set((try? tree.children(layout.tpg + "/np")) ?? [])
        for name in present.subtracting(wanted) {
            try step("remove portal \(name)") { try tree.removeDirectory(layout.tpg + "/np/" + name) }
        }
        for portal in configuration.portals where !present.contains(LIOLayout.portalName(portal)) {
            try step("create portal \(portal)") { try tree.makeDirectory(layout.portal(portal)) }
        }
    }

    private func convergeLUNs() throws {
        let wanted = Dictionary(uniqueKeysWithValues: configuration.luns.map { ($0.number, $0) })
        for name in (try? tree.children(layout.tpg + "/lun")) ?? [] {
            guard let number = LIOLayout.lunNumber(name) else { continue }
            if wanted[number] == nil || storageObject(linkedFrom: layout.lun(number)) != layout.storageObject(number) {
                try removeLUN(number)
            }
        }
        for lun in configuration.luns where storageObject(linkedFrom: layout.lun(lun.number)) == nil {
            try step("export LUN \(lun.number)") {
                try tree.makeDirectory(layout.lun(lun.number))
                try tree.link(layout.lun(lun.number) + "/" + layout.linkName, to: tree.path(layout.storageObject(lun.number)))
            }
            logger.info("LUN \(lun.number) exports \(lun.path)")
        }
    }

    private func convergeACL() throws {
        let tpg = layout.tpg
        let initiators = configuration.initiators.map(\.text)
        let present = Set((try? tree.children(tpg + "/acls")) ?? [])
        for initiator in present where !initiators.contains(initiator) { try removeACL(initiator) }
        if initiators.isEmpty {
            try step("admit every initiator") {
                try tree.write(tpg + "/attrib/generate_node_acls", "1")
                try tree.write(tpg + "/attrib/cache_dynamic_acls", "1")
                try tree.write(tpg + "/attrib/demo_mode_write_protect", "0")
            }
        } else {
            try step("admit only allowed_initiators") { try tree.write(tpg + "/attrib/generate_node_acls", "0") }
            let numbers = Set(configuration.luns.map(\.number))
            for initiator in initiators {
                let acl = layout.acl(initiator)
                try step("create the ACL of \(initiator)") { try tree.makeDirectory(acl) }
                for name in (try? tree.children(acl)) ?? [] {
                    if let number = LIOLayout.lunNumber(name), !numbers.contains(number) {
                        try removeMappedLUN(initiator, number)
                    }
                }
                for number in numbers.sorted() where !tree.exists(layout.mappedLUN(initiator, number) + "/" + layout.linkName) {
                    try step("map LUN \(number) for \(initiator)") {
                        try tree.makeDirectory(layout.mappedLUN(initiator, number))
                        try tree.link(layout.mappedLUN(initiator, number) + "/" + layout.linkName, to: tree.path(layout.lun(number)))
                    }
                }
            }
        }
        let places = initiators.isEmpty ? [tpg] : initiators.map { layout.acl($0) }
        if let chap = configuration.chap {
            for place in places {
                // The secret goes to configfs only (the attribute file is root's).
                try step("set CHAP") {
                    try tree.write(place + "/auth/userid", chap.user.text)
                    try tree.write(place + "/auth/password", chap.secret.text)
                }
            }
        }
        try step("set authentication") { try tree.write(tpg + "/attrib/authentication", configuration.chap == nil ? "0" : "1") }
    }

    // MARK: stop

    func remove() throws {
        guard tree.exists("") else { return }  // no configfs target: nothing of ours
        for tpg in ((try? tree.children(layout.target)) ?? []).filter({ $0.hasBytePrefix("tpgt_") }) {
            try removeTPG(layout.target + "/" + tpg)
        }
        if tree.isDirectory(layout.target) { try step("remove the target") { try tree.removeDirectory(layout.target) } }
        for object in (try? tree.children(layout.hba)) ?? [] {
            let path = layout.hba + "/" + object
            guard tree.isDirectory(path) else { continue }
            try removeStorageObject(path)
        }
        if tree.isDirectory(layout.hba) { try step("remove the HBA") { try tree.removeDirectory(layout.hba) } }
    }

    /// One TPG of the resource's target, with its sessions, ACLs, LUNs and portals.
    private func removeTPG(_ path: String) throws {
        // Standby first: the client fails this node's paths at once and retries on the
        // other node's, instead of waiting for its session timeout after the disable.
        leaveGroups(path)
        // Disabling drops the sessions and refuses new logins.
        if read(path + "/enable") == "1" { try step("disable \(path)") { try tree.write(path + "/enable", "0") } }
        for initiator in (try? tree.children(path + "/acls")) ?? [] { try removeACL(initiator, tpg: path) }
        for name in (try? tree.children(path + "/lun")) ?? [] {
            if let number = LIOLayout.lunNumber(name) { try removeLUN(number, tpg: path) }
        }
        for portal in (try? tree.children(path + "/np")) ?? [] {
            try step("remove portal \(portal)") { try tree.removeDirectory(path + "/np/" + portal) }
        }
        try step("remove \(path)") { try tree.removeDirectory(path) }
    }

    /// Sets the active groups of the resource's LUNs in `tpg` to standby (best effort: stop goes on).
    private func leaveGroups(_ tpg: String) {
        for name in (try? tree.children(tpg + "/lun")) ?? [] {
            guard let number = LIOLayout.lunNumber(name), read(tpg + "/enable") == "1",
                  let object = storageObject(linkedFrom: tpg + "/lun/" + name),
                  let group = aluaGroup(of: number, object: object), group.name != LIOLayout.defaultGroup,
                  group.state?.isActive == true else { continue }
            do { try setGroup(object + "/alua/" + group.name, .standby) } catch { logger.warning("stop: \(error)") }
        }
    }

    /// A storage object of ours: its LUNs (of any target), its groups, then itself.
    private func removeStorageObject(_ path: String) throws {
        try unexportEverywhere(path)
        for group in (try? tree.children(path + "/alua")) ?? [] where group != LIOLayout.defaultGroup {
            if tree.isDirectory(path + "/alua/" + group) {
                try step("remove target port group \(group)") { try tree.removeDirectory(path + "/alua/" + group) }
            }
        }
        try step("remove storage object \(path)") { try tree.removeDirectory(path) }
    }

    private func removeLUN(_ number: Int, tpg: String? = nil) throws {
        let directory = (tpg ?? layout.tpg) + "/lun/lun_\(number)"
        // Mapped LUNs that point at it go first (the kernel refuses the rmdir otherwise).
        for initiator in (try? tree.children((tpg ?? layout.tpg) + "/acls")) ?? [] {
            let mapped = (tpg ?? layout.tpg) + "/acls/\(initiator)/lun_\(number)"
            if tree.isDirectory(mapped) { try removeDirectoryWithLinks(mapped) }
        }
        try removeDirectoryWithLinks(directory)
        logger.info("removed LUN \(number)")
    }

    private func removeMappedLUN(_ initiator: String, _ number: Int) throws {
        try removeDirectoryWithLinks(layout.mappedLUN(initiator, number))
    }

    private func removeACL(_ initiator: String, tpg: String? = nil) throws {
        let acl = (tpg ?? layout.tpg) + "/acls/" + initiator
        for name in (try? tree.children(acl)) ?? [] where LIOLayout.lunNumber(name) != nil && tree.isDirectory(acl + "/" + name) {
            try removeDirectoryWithLinks(acl + "/" + name)
        }
        try step("remove the ACL of \(initiator)") { try tree.removeDirectory(acl) }
    }

    /// Unlinks the links in `directory`, then removes it.
    private func removeDirectoryWithLinks(_ directory: String) throws {
        try step("remove \(directory)") {
            for child in (try? tree.children(directory)) ?? [] where tree.linkTarget(directory + "/" + child) != nil {
                try tree.removeLink(directory + "/" + child)
            }
            try tree.removeDirectory(directory)
        }
    }

    /// Removes every LUN, of any target, that exports `object` (a storage object of ours).
    private func unexportEverywhere(_ object: String) throws {
        for target in (try? tree.children("iscsi")) ?? [] where tree.isDirectory("iscsi/" + target) {
            for tpg in ((try? tree.children("iscsi/" + target)) ?? []).filter({ $0.hasBytePrefix("tpgt_") }) {
                let path = "iscsi/\(target)/\(tpg)"
                for name in (try? tree.children(path + "/lun")) ?? [] {
                    guard let number = LIOLayout.lunNumber(name),
                          storageObject(linkedFrom: path + "/lun/" + name) == object else { continue }
                    try removeLUN(number, tpg: path)
                }
            }
        }
    }

    private func removeUnusedStorageObjects() throws {
        let wanted = Set(configuration.luns.map { layout.storageObject($0.number) })
        for object in (try? tree.children(layout.hba)) ?? [] {
            let path = layout.hba + "/" + object
            guard tree.isDirectory(path), !wanted.contains(path) else { continue }
            try removeStorageObject(path)
        }
    }

    /// Runs one configfs change; a refusal names what was being done and the kernel's errno.
    private func step(_ what: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as OCFFailure {
            throw failure
        } catch {
            throw OCFFailure(.genericError, "LIO: \(what): \(error)")
        }
    }
}
