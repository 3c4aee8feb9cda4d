import Glibc
import TandemCore

/// The target on SCST, through its sysfs interface directly (no scstadmin): a vdisk_blockio
/// device per LUN (write-through, no NV cache: a write is acknowledged once the device below
/// has it), the iSCSI target with its LUNs in the default set or in the initiator group
/// `allowed`, allowed portals, CHAP, and in a promotable clone the ALUA device group.
///
/// Each LUN's device gets the serial and an NAA id built as LIO builds its own, so a client
/// sees the same WWID on either backend. iscsi-scstd must run (its service): the target's
/// attributes go through it; the kernel modules are loaded at start when missing.
struct SCSTBackend: TargetBackend {
    let configuration: TargetConfiguration
    let tree: AttributeTree
    let layout: SCSTLayout
    let logger: Logger
    let runner: CommandRunner
    let budget: OperationBudget

    init(configuration: TargetConfiguration, root: String = "/sys/kernel/scst_tgt", logger: Logger,
         runner: CommandRunner, budget: OperationBudget) {
        self.configuration = configuration
        tree = AttributeTree(root: root)
        layout = SCSTLayout(resource: configuration.resourceName, iqn: configuration.iqn)
        self.logger = logger
        self.runner = runner
        self.budget = budget
    }

    var management: SCSTManagement { SCSTManagement(tree: tree, budget: budget, logger: logger) }

    func read(_ relative: String) -> String? { try? tree.read(relative) }

    /// An attribute that must be readable: nil only when it does not exist; any other failure
    /// (SCST busy past its 15 s: EAGAIN) throws, so that nothing is taken for "different" and
    /// remade under live I/O.
    func readExisting(_ relative: String) throws -> String? {
        do {
            return try tree.read(relative)
        } catch where error.code == ENOENT {
            return nil
        } catch {
            throw OCFFailure(.genericError, "SCST: cannot read \(relative): \(String(cString: strerror(error.code)))")
        }
    }

    /// The entries of a sysfs directory that are objects, not its `mgmt` file.
    func entries(_ relative: String) -> [String] {
        ((try? tree.children(relative)) ?? []).filter { $0 != "mgmt" }
    }

    // MARK: reading

    func observe() throws -> TargetState? {
        let devices = ownDevices()
        guard tree.isDirectory(layout.target) else {
            // A crash between the devices and the target: monitor reports it, stop cleans it.
            return devices.isEmpty && !tree.isDirectory(layout.deviceGroup) ? nil
                : TargetState(enabled: false, luns: [], openToAll: false, initiators: [], incomingUsers: [], sessions: 0)
        }
        let grouped = tree.isDirectory(layout.group)
        let lunSet = (grouped ? layout.group : layout.target) + "/luns"
        let luns = try entries(lunSet).compactMap { name -> TargetState.LUN? in
            guard let number = Int(name) else { return nil }
            let device = tree.linkTarget(lunSet + "/\(name)/device").map { String($0.split(separator: "/").last ?? "") }
            return TargetState.LUN(number: number, path: try device.flatMap { try devicePath($0) },
                                   serial: device.map { presentedSerial($0) } ?? "",
                                   deviceID: nil, alua: device.flatMap { aluaGroup(ofDevice: $0) })
        }.sorted { $0.number < $1.number }
        let users = Set(incomingUsers().map(\.user))
        return TargetState(enabled: read(layout.target + "/enabled") == "1", luns: luns, openToAll: !grouped,
                           initiators: grouped ? Set(entries(layout.group + "/initiators")) : [],
                           incomingUsers: users, sessions: entries(layout.target + "/sessions").count,
                           portals: .allowedAddresses(Set(try allowedPortals())))
    }

    /// This resource's devices, by name.
    func ownDevices() -> [String] { entries("devices").filter(layout.isOwnDevice) }

    /// The backing path of a device: the first line of `filename`.
    func devicePath(_ name: String) throws -> String? {
        try readExisting("devices/\(name)/filename").map { String($0.split(separator: "\n").first ?? "") }
    }

    /// The serial a device presents; marked when its NAA id is not the one the serial calls
    /// for (the client's WWID would differ from the other node's), so identity checks catch it.
    private func presentedSerial(_ name: String) -> String {
        let serial = read("devices/\(name)/usn") ?? ""
        let naa = read("devices/\(name)/naa_id").map(SCSTLayout.naaID(fromAttribute:)) ?? ""
        return naa == SCSTLayout.naaID(serial: serial) ? serial : "\(serial) (NAA id \(naa.isEmpty ? "none" : naa))"
    }

    /// The CHAP accounts bound to the target: its `IncomingUser[N]` attributes ("user secret").
    func incomingUsers() -> [(attribute: String, user: String, secret: String)] {
        entries(layout.target).filter { $0.hasPrefix("IncomingUser") }.compactMap { attribute in
            guard let text = read(layout.target + "/" + attribute) else { return nil }
            let words = text.split(separator: " ", maxSplits: 1).map(String.init)
            guard let user = words.first, !user.isEmpty else { return nil }
            return (attribute, user, words.count > 1 ? words[1] : "")
        }
    }

    /// This node's target group, when the device is in the resource's device group.
    private func aluaGroup(ofDevice name: String) -> TargetState.ALUAGroup? {
        guard let alua = configuration.alua, tree.exists(layout.deviceGroup + "/devices/" + name) else { return nil }
        let group = layout.targetGroup(alua.groupID)
        guard tree.isDirectory(group) else { return nil }
        return TargetState.ALUAGroup(name: layout.targetGroupName(alua.groupID),
                                     id: read(group + "/group_id").flatMap { Int($0) },
                                     state: read(group + "/state").flatMap(ALUAState.init(rawValue:)),
                                     preferred: read(group + "/preferred") == "1")
    }

    // MARK: modules and daemon

    /// What SCST refuses in this configuration (6), before anything is made: serials longer
    /// than its 20 characters, device names longer than its 64, CHAP secrets shorter than
    /// iscsi-scstd's 12 (a refused secret must never leave the target without CHAP), and for
    /// ALUA, one peer named (SCST reports the other node's group, stated from notifications).
    func configurationProblem(promotable: Bool, notify: Bool) -> String? {
        if let long = configuration.luns.first(where: { $0.identity.serial.utf8.count > 20 }) {
            return "LUN \(long.number)'s serial \(long.identity.serial) is longer than SCST's 20 characters (scsi_sn)"
        }
        if let lun = configuration.luns.first(where: { layout.deviceName($0.number).utf8.count > 64 }) {
            return "SCST device names are at most 64 characters: \(layout.deviceName(lun.number)) (a shorter resource name)"
        }
        if let chap = configuration.chap, chap.secret.isShort {
            return "incoming_password: iscsi-scstd refuses CHAP secrets shorter than 12 characters"
        }
        guard promotable, let alua = configuration.alua else { return nil }
        if alua.peerGroupIDs.count != 1 {
            return "SCST reports the other node's target port group too: alua_group_ids must name exactly two nodes "
                + "(this one and its peer)"
        }
        if !notify { return "SCST states the peer's group from notifications: set notify=true on the clone" }
        return nil
    }

    /// Why SCST cannot run on this node (5), nil when it can: its modules for this kernel and
    /// iscsi-scstd must be installed. Changes nothing (validate-all).
    func installationProblem() throws -> OCFFailure? {
        if !(access("/usr/sbin/iscsi-scstd", X_OK) == 0 || access("/usr/local/sbin/iscsi-scstd", X_OK) == 0) {
            return OCFFailure(.notInstalled, "SCST is not installed: no iscsi-scstd in /usr/sbin or /usr/local/sbin")
        }
        if tree.exists("targets/iscsi") { return nil }
        let result = try runner.run(Command("modprobe", ["-n", "-q", "-a", "scst", "scst_vdisk", "iscsi-scst"]))
        return result.succeeded ? nil
            : OCFFailure(.notInstalled, "SCST's modules (scst, scst_vdisk, iscsi-scst) are not installed for this kernel")
    }

    /// Loads SCST's core, vdisk handlers and iSCSI driver (start only), and requires
    /// iscsi-scstd, through which the target's attributes are set.
    func load() throws {
        if !tree.exists("targets/iscsi") || !tree.exists(SCSTLayout.handler) {
            let result = try runner.run(Command("modprobe", ["-a", "scst", "scst_vdisk", "iscsi-scst"]))
            guard result.succeeded, tree.exists("targets/iscsi"), tree.exists(SCSTLayout.handler) else {
                throw OCFFailure(.notInstalled, "SCST is not available: \(tree.root)/targets/iscsi or the vdisk_blockio handler is "
                                 + "missing after modprobe scst scst_vdisk iscsi-scst (\(result.summary))")
            }
        }
        let state = read("targets/iscsi/open_state") ?? "unknown"
        guard state == "open" else {
            let installed = access("/usr/sbin/iscsi-scstd", X_OK) == 0 || access("/usr/local/sbin/iscsi-scstd", X_OK) == 0
            throw OCFFailure(installed ? .genericError : .notInstalled,
                             "iscsi-scstd is not running (targets/iscsi/open_state: \(state)): start it (SCST's service, "
                             + "or a systemd clone ordered before the target)")
        }
    }

    /// Runs one change; a refusal names what was being done and the kernel's errno.
    func step(_ what: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as OCFFailure {
            throw failure
        } catch let error as SystemError {
            throw OCFFailure(.genericError, "SCST: \(what): \(String(cString: strerror(error.code)))")
        } catch {
            throw OCFFailure(.genericError, "SCST: \(what): \(error)")
        }
    }
}
