import Foundation
import Glibc
import Testing
import TandemTestSupport
@testable import TandemCore

/// Logging through libqb, observed where an admin would look: the log file and syslog.
@Suite(.serialized) struct LoggerTests {
    func runSample(_ action: String, extra: [String: String]) throws -> AgentInvocation.Outcome {
        var agent = AgentInvocation("ocf-sample")
        agent.instance = "logged:0"
        agent.extra = extra
        agent.extra["HA_LOGFACILITY"] = extra["HA_LOGFACILITY"] ?? "none"
        return try agent.run(action)
    }

    @Test func logFileGetsTaggedLinesAndDebugOnlyWhenAsked() throws {
        let directory = try TestCommands.temporaryDirectory("log")
        defer { TestCommands.removeDirectory(directory) }
        let log = directory + "/ra.log"
        var extra = ["HA_LOGFILE": log, "HA_RSCTMP": directory, "OCF_RESKEY_mode": "fail-start"]
        _ = try runSample("start", extra: extra)
        let text = try FixturePaths.read(log)
        let line = try #require(text.split(separator: "\n").first { $0.contains("ERROR:") })
        // "<timestamp> ocf-sample(logged:0)[pid]: ERROR: reason"
        #expect(line.contains("ocf-sample(logged:0)["))
        #expect(line.hasSuffix("]: ERROR: start failed on purpose (mode=fail-start)"))
        #expect(!text.contains("DEBUG:"))

        extra["HA_debug"] = "1"
        _ = try runSample("monitor", extra: extra)
        #expect(try FixturePaths.read(log).contains("DEBUG: monitor : 7 (OCF_NOT_RUNNING)"))
    }

    @Test func stderrWhenNothingElseIsConfigured() throws {
        let directory = try TestCommands.temporaryDirectory("log-stderr")
        defer { TestCommands.removeDirectory(directory) }
        let outcome = try runSample("start", extra: ["HA_RSCTMP": directory, "OCF_RESKEY_mode": "fail-start"])
        #expect(outcome.stderr.contains("ocf-sample(logged:0)["))
        #expect(outcome.stderr.contains("]: ERROR: start failed on purpose"))
        #expect(outcome.exitReason() == "start failed on purpose (mode=fail-start)")
    }

    /// Syslog: a datagram socket stands in /dev/log (created there when the machine has
    /// none, or bind-mounted over it in a private mount namespace when it has one).
    @Test func syslogGetsTheFacilityAndTag() throws {
        let directory = try TestCommands.temporaryDirectory("log-syslog")
        defer { TestCommands.removeDirectory(directory) }
        let devLogExists = access("/dev/log", F_OK) == 0
        let socketPath = devLogExists ? directory + "/log.sock" : "/dev/log"
        let socket = try DatagramListener(path: socketPath)
        defer { socket.close(); if !devLogExists { unlink("/dev/log") } }
        var environment = ["HA_LOGFACILITY": "local3", "HA_RSCTMP": directory, "OCF_RESKEY_mode": "fail-start",
                           "OCF_RESOURCE_INSTANCE": "logged:0", "OCF_ROOT": "/usr/lib/ocf"]
        environment["PATH"] = ProcessInfo.processInfo.environment["PATH"]
        let agent = TestCommands.binary("ocf-sample")
        let result: CommandResult
        if devLogExists {
            result = try TestCommands.run("unshare", ["--mount", "--propagation", "private", "--", "sh", "-c",
                                                      "mount --bind \"$0\" /dev/log && exec \"$1\" start", socketPath, agent],
                                          environment: environment)
        } else {
            result = try TestCommands.run(agent, ["start"], environment: environment)
        }
        #expect(result.status == .exited(1))
        let messages = socket.receiveAll(timeoutMilliseconds: 1_000)
        // <PRI> = local3 (19) * 8 + err (3) = 155.
        let error = try #require(messages.first { $0.contains("ERROR: start failed on purpose") }, "\(messages)")
        #expect(error.hasPrefix("<155>"))
        #expect(error.contains(" ocf-sample(logged:0)["))
        #expect(error.components(separatedBy: "ocf-sample(logged:0)").count == 2, "the tag appears once: \(error)")
    }
}

/// A bound AF_UNIX datagram socket that collects syslog messages.
final class DatagramListener {
    let path: String
    private var fd: Int32

    init(path: String) throws {
        self.path = path
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.utf8.prefix(buffer.count - 1).enumerated() { buffer[index] = byte }
        }
        unlink(path)
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard fd >= 0, rc == 0 else { throw OCFFailure(.genericError, "cannot bind \(path): \(Errno.describe(errno))") }
        chmod(path, 0o666)
    }

    func receiveAll(timeoutMilliseconds: Int) -> [String] {
        var messages: [String] = []
        var buffer = [UInt8](repeating: 0, count: 8192)
        while true {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, Int32(timeoutMilliseconds)) > 0 else { return messages }
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return messages }
            messages.append(String(decoding: buffer[0..<count], as: UTF8.self))
        }
    }

    func close() {
        if fd >= 0 { Glibc.close(fd); fd = -1 }
        unlink(path)
    }
}
