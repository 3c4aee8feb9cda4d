import Foundation
import Glibc
import Testing
import TandemCore
import TandemTestSupport
@testable import iscsi_target

/// The tgt backend where things go wrong: a hostile initiator alias, half-entered changes,
/// accounts that are not the resource's, a tgtd that does not answer, a socket path that
/// cannot work. Each on a real tgtd (TgtDaemon).
@Suite(.serialized) struct TgtAgentFailureTests {
    static let iqn = "iqn.2026-01.org.example:tandem"

    /// tgtd prints an initiator's alias as it is: one with line breaks can forge targets in
    /// the listing. The agent does not act on such a listing: monitor fails with the reason
    /// (not a false "LUN missing" or "not running"), stop still removes its own target by
    /// its header, and a probe of a tid that only the forgery names finds nothing to stop.
    @Test func aForgedListingIsNotBelieved() throws {
        let tgtd = try TgtDaemon(label: "forged")
        defer { tgtd.remove() }
        let tool = try InitiatorTool.build()
        let agent = tgtd.agent(["iqn": Self.iqn, "tid": "1", "luns": "1:\(try tgtd.disk("a"))"])
        #expect(try agent.run("start").code == 0)
        let alias = "x\nTarget 9: iqn.2026-01.org.example:ghost\n    System information:\n        State: ready\n"
            + "    I_T nexus information:\n    LUN information:\n    Account information:\n    ACL information:\n        ALL"
        let holder = try tgtd.background([tool, "hold", "iscsi://127.0.0.1/\(Self.iqn)/1", "30", alias])
        defer {
            kill(holder.processIdentifier, SIGKILL)
            holder.waitUntilExit()
        }
        let forged: Bool? = OperationBudget(timeoutMilliseconds: 10_000, reserveMilliseconds: 0).poll(every: 100) {
            ((try? tgtd.show())?.contains("Target 9: iqn.2026-01.org.example:ghost") ?? false) ? true : nil
        }
        try #require(forged == true, "the alias reached tgtd's listing")
        let monitor = try agent.monitor()
        #expect(monitor.code == 1 && monitor.exitReason()?.contains("cannot be trusted") == true, "\(monitor)")
        var ghost = tgtd.agent(["iqn": "iqn.2026-01.org.example:other", "tid": "9", "luns": "1:\(try tgtd.disk("b"))"])
        ghost.instance = "p_ghost"
        #expect(try ghost.run("stop").code == 0, "nothing of p_ghost to stop")
        let stop = try agent.run("stop")
        #expect(stop.code == 0, "\(stop)")
        #expect(!(try tgtd.show()).contains("Target 1: \(Self.iqn)"))
    }

    /// A half-entered change (the user set, its secret not yet) reloads as 1, never 6 (which
    /// would stop the resource everywhere); the running target is unchanged.
    @Test func aHalfEnteredReloadIsAFailureNotFatal() throws {
        let tgtd = try TgtDaemon(label: "halfchap")
        defer { tgtd.remove() }
        let agent = tgtd.agent(["iqn": Self.iqn, "tid": "2", "luns": "1:\(try tgtd.disk("a"))"])
        #expect(try agent.run("start").code == 0)
        let before = try tgtd.show()
        var half = agent
        half.parameters["incoming_username"] = "tandem"
        let reload = try half.run("reload-agent")
        #expect(reload.code == 1 && reload.exitReason()?.contains("incoming_password") == true, "\(reload)")
        var twice = agent
        twice.parameters["luns"] = "1:\(try tgtd.disk("a")) 1:\(try tgtd.disk("b"))"
        #expect(try twice.run("reload-agent").code == 1)
        #expect(try tgtd.show() == before)
        #expect(try agent.run("stop").code == 0)
        var stopped = agent
        stopped.parameters["luns"] = "1:\(try tgtd.disk("a")) 2:\(try tgtd.disk("b"))"
        #expect(try stopped.run("reload-agent").code == 7, "reload of a stopped target")
    }

    /// Adding a LUN keeps the WWID of the one in use (the lun/path LUN keeps its configured
    /// serial and id); changing a LUN's device under a session is refused, not done.
    @Test func aReloadNeverChangesALiveLUNsIdentityOrDisk() throws {
        let tgtd = try TgtDaemon(label: "identity")
        defer { tgtd.remove() }
        let a = try tgtd.disk("a"), b = try tgtd.disk("b"), c = try tgtd.disk("c")
        let agent = tgtd.agent(["iqn": Self.iqn, "tid": "3", "lun": "1", "path": a, "scsi_sn": "SANSERIAL01",
                                "scsi_id": "0123456789abcdef"])
        #expect(try agent.run("start").code == 0)
        let holder = try tgtd.background(["iscsi-perf", "-i", "iqn.2026-01.org.example:c1", "iscsi://127.0.0.1/\(Self.iqn)/1"])
        defer {
            kill(holder.processIdentifier, SIGKILL)
            holder.waitUntilExit()
        }
        let logged: Bool? = OperationBudget(timeoutMilliseconds: 10_000, reserveMilliseconds: 0).poll(every: 100) {
            (TgtTargetList(parsing: (try? tgtd.show()) ?? "").target(tid: 3)?.nexuses.isEmpty == false) ? true : nil
        }
        try #require(logged == true)
        var grown = agent
        grown.parameters["luns"] = "2:\(b)"
        #expect(try grown.run("reload-agent").code == 0)
        let luns = try #require(TgtTargetList(parsing: try tgtd.show()).target(tid: 3)).dataLUNs
        #expect(luns.map(\.number) == [1, 2])
        #expect(luns[0].scsiSerial == "SANSERIAL01" && luns[0].scsiID == "0123456789abcdef", "LUN 1 kept its identity")
        #expect(luns[1].scsiSerial == "SANSERIAL010002")
        var moved = grown
        moved.parameters["path"] = c
        let refused = try moved.run("reload-agent")
        #expect(refused.code == 1 && refused.exitReason()?.contains("under logged-in initiators") == true, "\(refused)")
        #expect(TgtTargetList(parsing: try tgtd.show()).target(tid: 3)?.dataLUNs.first?.backingPath == a)
        #expect(try grown.run("stop").code == 0)
    }

    /// A CHAP user that discovery or another's account uses is not the resource's: start
    /// refuses (1) and the account is left as it was.
    @Test func accountsThatAreNotTheResourcesAreLeftAlone() throws {
        let tgtd = try TgtDaemon(label: "accounts")
        defer { tgtd.remove() }
        try #require(tgtd.tgtadm(["--op", "new", "--mode", "account", "--user", "shared", "--password", "discovery-secret-1"]).succeeded)
        try #require(tgtd.tgtadm(["--op", "bind", "--mode", "account", "--user", "shared"]).succeeded)  // discovery
        let agent = tgtd.agent(["iqn": Self.iqn, "tid": "4", "luns": "1:\(try tgtd.disk("a"))",
                                "incoming_username": "shared", "incoming_password": "resource-secret-2"])
        let start = try agent.run("start")
        #expect(start.code == 1 && start.exitReason()?.contains("discovery") == true, "\(start)")
        #expect(try agent.run("stop").code == 0)
        try #require(tgtd.tgtadm(["--op", "new", "--mode", "account", "--user", "byhand", "--password", "byhand-secret-3"]).succeeded)
        var other = agent
        other.parameters["incoming_username"] = "byhand"
        let refused = try other.run("start")
        #expect(refused.code == 1 && refused.exitReason()?.contains("not made by this resource") == true, "\(refused)")
        #expect(try other.run("stop").code == 0)
        let accounts = try tgtd.tgtadm(["--op", "show", "--mode", "account"]).stdoutText
        #expect(accounts.contains("shared") && accounts.contains("byhand"), "\(accounts)")
        let system = try tgtd.tgtadm(["--op", "show", "--mode", "sys"]).stdoutText
        #expect(system.contains("Account information:"), "discovery still bound: \(system)")
    }

    /// A tgtd that accepts the connection and never answers: every action ends within its
    /// timeout (monitor 1, stop 1 naming tgtd), none hangs.
    @Test func aTgtdThatNeverAnswersCannotHangAnAction() throws {
        let directory = try TestCommands.temporaryDirectory("tgt-silent")
        defer { TestCommands.removeDirectory(directory) }
        let path = directory + "/sock.4321"
        let listener = socket(AF_LOCAL, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_LOCAL)
        withUnsafeMutableBytes(of: &address.sun_path) { for (index, byte) in path.utf8.enumerated() { $0[index] = byte } }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0 && listen(listener, 8) == 0)
        var agent = AgentInvocation("iscsi-target")
        agent.parameters = ["implementation": "tgt", "iqn": Self.iqn, "tid": "1", "tgt_control_port": "4321"]
        agent.meta = ["timeout": "5000", "interval": "10000"]
        agent.extra = ["TGT_IPC_SOCKET": directory + "/sock", "HA_RSCTMP": directory]
        for action in ["monitor", "stop"] {
            let started = MonotonicInstant.now()
            let outcome = try agent.run(action)
            let elapsed = started.milliseconds(until: .now())
            #expect(outcome.code == 1 && elapsed < 5000, "\(action): \(outcome) after \(elapsed) ms")
            #expect(outcome.exitReason()?.contains("did not answer") == true, "\(outcome)")
        }
    }

    /// A socket path longer than a socket address holds is a configuration error: a probe
    /// says not running, stop succeeds (nothing can run there), start is 6.
    @Test func aSocketPathTooLongIsAConfigurationError() throws {
        var agent = AgentInvocation("iscsi-target")
        agent.parameters = ["implementation": "tgt", "iqn": Self.iqn, "tid": "1"]
        agent.extra = ["TGT_IPC_SOCKET": "/tmp/" + String(repeating: "x", count: 120)]
        #expect(try agent.run("monitor").code == 7)
        #expect(try agent.run("stop").code == 0)
        let start = try agent.run("start")
        #expect(start.code == 6 && start.exitReason()?.contains("TGT_IPC_SOCKET") == true, "\(start)")
    }
}
