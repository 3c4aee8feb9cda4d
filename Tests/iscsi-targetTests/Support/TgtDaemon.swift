import Foundation
import Glibc
import TandemCore
import TandemTestSupport
@testable import iscsi_target

/// A real tgtd for one test: in its own network namespace (its portal 127.0.0.1:3260 there),
/// on its own control port and socket directory, so tests run beside each other and beside
/// a system tgtd. It runs in the foreground under this process (`-f`), so `remove()` can end
/// it for certain: every target force-deleted, tgtd asked to exit, then killed, and whatever
/// still runs in the namespace killed before the namespace goes.
final class TgtDaemon {
    let namespace: String
    let directory: String
    let controlPort: Int
    private let process = Process()
    /// `TGT_IPC_SOCKET` for tgtd, tgtadm and the agent.
    var socketBase: String { directory + "/sock" }

    init(label: String) throws {
        let suffix = String(UInt32.random(in: 0..<UInt32.max), radix: 16)
        namespace = "tandem-tgt-\(label.prefix(12))-\(suffix)"
        directory = try TestCommands.temporaryDirectory("tgt-\(label)")
        controlPort = Int.random(in: 1000...32000)  // tgtd's -C is a short
        do {
            try TestCommands.check("ip", ["netns", "add", namespace])
            try TestCommands.check("ip", ["-n", namespace, "link", "set", "lo", "up"])
            process.executableURL = URL(fileURLWithPath: "/usr/bin/ip")
            process.arguments = ["netns", "exec", namespace, "tgtd", "-f", "-C", "\(controlPort)",
                                 "--iscsi", "portal=127.0.0.1:3260"]
            process.environment = ["TGT_IPC_SOCKET": socketBase, "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // tgtd opens its control socket after it starts: wait until it answers.
            let ready: Bool? = OperationBudget(timeoutMilliseconds: 10_000, reserveMilliseconds: 0).poll(every: 50) {
                ((try? self.tgtadm(["--op", "show", "--mode", "target"]))?.succeeded ?? false) ? true : nil
            }
            guard ready == true else { throw LabError("tgtd on control port \(controlPort) did not answer within 10 s") }
        } catch {
            remove()
            throw error
        }
    }

    func remove() {
        if let list = try? show() {
            // By header lines only: whatever a test left, forged listings included.
            for target in Set(TgtTargetList(parsing: list).headers.map(\.tid)) {
                _ = try? tgtadm(["--op", "delete", "--force", "--mode", "target", "--tid", "\(target)"])
            }
        }
        _ = try? tgtadm(["--op", "delete", "--mode", "system"])
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        if let pids = try? TestCommands.run("ip", ["netns", "pids", namespace]).stdoutText {
            for pid in pids.split(separator: "\n").compactMap({ Int32($0) }) { kill(pid, SIGKILL) }
        }
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
        agent.extra = ["TGT_IPC_SOCKET": socketBase, "HA_RSCTMP": directory + "/rsctmp"]
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

    /// A process in the namespace that `stop()` kills (a session holder, say).
    func background(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ip")
        process.arguments = ["netns", "exec", namespace] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}
