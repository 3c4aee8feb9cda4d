import Foundation
import TandemCore
import TandemTestSupport

/// A real tgtd for one test: in its own network namespace (its portal 127.0.0.1:3260 there),
/// on its own control port and socket directory, so tests run beside each other and beside
/// a system tgtd. `remove()` ends the daemon (tgtadm's "delete system") and the namespace.
final class TgtDaemon {
    let namespace: String
    let directory: String
    let controlPort: Int
    /// `TGT_IPC_SOCKET` for tgtd, tgtadm and the agent.
    var socketBase: String { directory + "/sock" }

    init(label: String) throws {
        let suffix = String(UInt32.random(in: 0..<UInt32.max), radix: 16)
        namespace = "tandem-tgt-\(label.prefix(12))-\(suffix)"
        directory = try TestCommands.temporaryDirectory("tgt-\(label)")
        controlPort = Int.random(in: 1000...32000)  // tgtd's -C is a short
        try TestCommands.check("ip", ["netns", "add", namespace])
        try TestCommands.check("ip", ["-n", namespace, "link", "set", "lo", "up"])
        // Without -f tgtd daemonizes once its control socket listens.
        let started = try TestCommands.run("ip", ["netns", "exec", namespace, "env", "TGT_IPC_SOCKET=\(socketBase)",
                                                  "tgtd", "-C", "\(controlPort)", "--iscsi", "portal=127.0.0.1:3260"])
        guard started.succeeded else {
            remove()
            throw LabError("tgtd did not start: \(started.stderrText)")
        }
    }

    func remove() {
        _ = try? tgtadm(["--op", "delete", "--mode", "system"])
        _ = try? TestCommands.run("ip", ["netns", "delete", namespace])
        TestCommands.removeDirectory(directory)
    }

    /// Runs tgtadm against this daemon.
    @discardableResult
    func tgtadm(_ arguments: [String]) throws -> CommandResult {
        try TestCommands.run("tgtadm", ["-C", "\(controlPort)", "--lld", "iscsi"] + arguments,
                             environment: ["TGT_IPC_SOCKET": socketBase])
    }

    /// `tgtadm --op show --mode target`, which must succeed.
    func show() throws -> String {
        let result = try tgtadm(["--op", "show", "--mode", "target"])
        guard result.succeeded else { throw LabError("tgtadm show: \(result.stderrText)") }
        return result.stdoutText
    }

    /// The agent, pointed at this daemon.
    func agent(_ parameters: [String: String]) -> AgentInvocation {
        var agent = AgentInvocation("iscsi-target")
        agent.instance = "p_target"
        agent.parameters = ["implementation": "tgt", "tgt_control_port": "\(controlPort)"].merging(parameters) { $1 }
        agent.extra = ["TGT_IPC_SOCKET": socketBase]
        return agent
    }

    /// A libiscsi tool (iscsi-inq, iscsi-ls) run as an initiator inside the namespace.
    func initiator(_ tool: String, _ arguments: [String]) throws -> CommandResult {
        try TestCommands.run("ip", ["netns", "exec", namespace, tool] + arguments, timeoutMilliseconds: 20_000)
    }

    /// A file standing for a shared disk (tgt serves files as well as block devices).
    func disk(_ name: String, megabytes: Int = 16) throws -> String {
        let path = directory + "/" + name
        guard FileManager.default.createFile(atPath: path, contents: nil) else { throw LabError("cannot create \(path)") }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(megabytes) << 20)
        try handle.close()
        return path
    }
}
