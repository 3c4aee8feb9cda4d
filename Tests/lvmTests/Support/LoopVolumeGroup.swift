import Foundation
import TandemCore
import TandemTestSupport

/// A real volume group made by Debian's LVM on a loop device, with its own configuration
/// (LVM_SYSTEM_DIR): only that device is scanned, and `activation = 0`, because this host's
/// kernel has no device-mapper. Everything LVM does to metadata (system IDs, tags, lock
/// types) is real; activation is what the storage lab tests. Needs root (CI is root).
final class LoopVolumeGroup {
    let directory: String
    let device: String
    let name: String
    let logicalVolumes: [String]
    private(set) var settings: [String: String]

    /// lvm.conf settings by section, e.g. ["global": ["system_id_source = \"lvmlocal\""]].
    init(name: String = "vg_test", logicalVolumes: [String] = ["lun0", "lun-1"],
         systemID: String? = "nodeA", settings: [String: String] = [:], createOptions: [String] = []) throws {
        directory = try TestCommands.temporaryDirectory("lvm")
        self.name = name
        self.logicalVolumes = logicalVolumes
        self.settings = settings
        let image = directory + "/pv.img"
        _ = try TestCommands.run("truncate", ["-s", "64M", image])
        let loop = try TestCommands.run("losetup", ["-f", "--show", image])
        guard loop.succeeded else { throw OCFFailure(.genericError, "losetup: \(loop.summary)") }
        device = loop.stdoutText.trimmingWhitespace()
        try writeConfiguration(systemID: systemID)
        try lvm("pvcreate", ["-q", device])
        try lvm("vgcreate", ["-q"] + createOptions + [name, device])
        for volume in logicalVolumes { try lvm("lvcreate", ["-q", "-L", "8M", "-n", volume, name]) }
    }

    deinit {
        _ = try? TestCommands.run("losetup", ["-d", device])
        TestCommands.removeDirectory(directory)
    }

    var environment: [String: String] { ["LVM_SYSTEM_DIR": directory + "/etc", "LVM_SUPPRESS_FD_WARNINGS": "1"] }

    /// Rewrites lvm.conf: this host's system ID (lvmlocal) and the extra settings.
    func writeConfiguration(systemID: String?, settings extra: [String: String]? = nil) throws {
        if let extra { settings = extra }
        var global = ["activation = 0", "locking_dir = \"\(directory)/lock\""]
        if let systemID { global.append("system_id_source = \"lvmlocal\"") }
        if let more = settings["global"] { global.append(more) }
        var text = """
            devices { filter = [ "a|^\(device)$|", "r|.*|" ] global_filter = [ "a|^\(device)$|", "r|.*|" ] \
            use_devicesfile = 0 obtain_device_list_from_udev = 0 }
            global { \(global.joined(separator: " ")) }
            backup { backup = 0 archive = 0 }

            """
        if let systemID { text += "local { system_id = \"\(systemID)\" }\n" }
        if let activation = settings["activation"] { text += "activation { \(activation) }\n" }
        try FileManager.default.createDirectory(atPath: directory + "/etc", withIntermediateDirectories: true)
        try text.write(toFile: directory + "/etc/lvm.conf", atomically: true, encoding: .utf8)
    }

    @discardableResult
    func lvm(_ tool: String, _ arguments: [String]) throws -> CommandResult {
        let result = try TestCommands.run(tool, arguments, environment: environment)
        guard result.succeeded else { throw OCFFailure(.genericError, "\(tool) \(arguments): \(result.summary)") }
        return result
    }

    /// One field of the VG as LVM reports it now (--foreign: whoever owns it).
    func field(_ name: String) throws -> String {
        try lvm("vgs", ["--foreign", "--noheadings", "-o", name, self.name]).stdoutText.trimmingWhitespace()
    }

    /// The agent, run against this VG.
    func agent(_ parameters: [String: String]) -> AgentInvocation {
        var invocation = AgentInvocation("lvm")
        invocation.parameters = ["vgname": name].merging(parameters) { $1 }
        invocation.extra = environment
        invocation.extra["HA_RSCTMP"] = directory
        return invocation
    }
}
