import Foundation
import Glibc
import Testing
import TandemCore
import TandemTestSupport
@testable import iscsi_target

/// The agent on a real tgtd (in its own namespace and control port), with libiscsi's
/// initiator tools logging in over the namespace's loopback.
@Suite(.serialized) struct TgtAgentHostTests {
    static let iqn = "iqn.2026-01.org.example:tandem"
    static let client = "iqn.2026-01.org.example:client1"

    @Test func probeStartMonitorStopOnARealTgtd() throws {
        let tgtd = try TgtDaemon(label: "cycle")
        defer { tgtd.remove() }
        let agent = tgtd.agent(["iqn": Self.iqn, "tid": "7",
                                "luns": "1:\(try tgtd.disk("a")) 2:\(try tgtd.disk("b"))"])
        #expect(try agent.run("monitor").code == 7)
        #expect(try agent.run("validate-all").code == 0)
        let start = try agent.run("start")
        #expect(start.code == 0, "\(start)")
        #expect(try agent.run("monitor").code == 0)
        #expect(try agent.monitor().code == 0)
        let target = try #require(TgtTargetList(parsing: try tgtd.show()).target(tid: 7))
        #expect(target.name == Self.iqn && target.acl == ["ALL"])
        #expect(target.dataLUNs.map(\.backingFlags) == ["sync", "sync"], "write_cache=false: acknowledged only once written")
        #expect(target.dataLUNs.allSatisfy { $0.scsiID.count == 32 && $0.scsiID.allSatisfy(\.isHexDigit) })
        // An initiator sees both LUNs.
        let listing = try tgtd.initiator("iscsi-ls", ["-s", "-i", Self.client, "iscsi://127.0.0.1"])
        #expect(listing.stdoutText.contains(Self.iqn), "\(listing.stdoutText) \(listing.stderrText)")
        let inquiry = try tgtd.initiator("iscsi-inq", ["-i", Self.client, "iscsi://127.0.0.1/\(Self.iqn)/2"])
        #expect(inquiry.succeeded, "\(inquiry.stderrText)")
        #expect(try agent.run("stop").code == 0)
        #expect(TgtTargetList(parsing: try tgtd.show()).target(tid: 7) == nil)
        #expect(try agent.run("stop").code == 0, "stop of a stopped target")
        #expect(try agent.run("monitor").code == 7)
        let recurring = try agent.monitor()
        #expect(recurring.code == 7 && recurring.exitReason()?.contains("not running") == true)
    }

    /// Ownership: a target made by hand (tgtadm) is never touched, and a tid or iqn it holds
    /// is refused with the reason.
    @Test func aForeignTargetSurvivesAndItsTidIsNotTaken() throws {
        let tgtd = try TgtDaemon(label: "foreign")
        defer { tgtd.remove() }
        let foreignDisk = try tgtd.disk("foreign")
        try #require(tgtd.tgtadm(["--op", "new", "--mode", "target", "--tid", "5", "-T", "iqn.2026-01.org.example:byhand"]).succeeded)
        try #require(tgtd.tgtadm(["--op", "new", "--mode", "logicalunit", "--tid", "5", "--lun", "1", "-b", foreignDisk]).succeeded)
        try #require(tgtd.tgtadm(["--op", "bind", "--mode", "target", "--tid", "5", "-I", "ALL"]).succeeded)
        let before = try tgtd.show()
        let clash = tgtd.agent(["iqn": Self.iqn, "tid": "5", "luns": "1:\(try tgtd.disk("a"))"])
        let refused = try clash.run("start")
        #expect(refused.code == 1 && refused.exitReason()?.contains("tid 5 is target iqn.2026-01.org.example:byhand") == true,
                "\(refused)")
        #expect(try clash.run("monitor").code == 7, "another target's tid: not this resource's")
        #expect(try clash.run("stop").code == 0)
        #expect(try tgtd.show() == before, "the foreign target is unchanged")
        let agent = tgtd.agent(["iqn": Self.iqn, "tid": "6", "luns": "1:\(try tgtd.disk("a"))"])
        #expect(try agent.run("start").code == 0)
        #expect(try agent.run("stop").code == 0)
        #expect(try tgtd.show() == before, "the foreign target is unchanged")
    }

    /// What a crash mid-start or a hand-made change leaves: a recurring monitor reports what
    /// is missing (1), stop removes the rest, start completes it.
    @Test func aPartialTargetIsReportedAndCleaned() throws {
        let tgtd = try TgtDaemon(label: "partial")
        defer { tgtd.remove() }
        let agent = tgtd.agent(["iqn": Self.iqn, "tid": "8", "luns": "1:\(try tgtd.disk("a")) 2:\(try tgtd.disk("b"))"])
        #expect(try agent.run("start").code == 0)
        try #require(tgtd.tgtadm(["--op", "delete", "--mode", "logicalunit", "--tid", "8", "--lun", "2"]).succeeded)
        let monitor = try agent.monitor()
        #expect(monitor.code == 1 && monitor.exitReason()?.contains("LUN 2") == true, "\(monitor)")
        #expect(try agent.run("stop").code == 0)
        #expect(TgtTargetList(parsing: try tgtd.show()).target(tid: 8) == nil)
        // A start that died after creating the target only.
        try #require(tgtd.tgtadm(["--op", "new", "--mode", "target", "--tid", "8", "-T", Self.iqn]).succeeded)
        #expect(try agent.run("monitor").code == 1, "a probe sees the leftover")
        #expect(try agent.run("start").code == 0)
        #expect(try agent.monitor().code == 0)
        #expect(try agent.run("stop").code == 0)
    }

    /// CHAP and the initiator ACL: the right secret from an allowed initiator logs in, a wrong
    /// secret or another initiator does not. The secret reaches neither the log nor any argv
    /// (the agent starts no process at all).
    @Test func chapAndAllowedInitiators() throws {
        let tgtd = try TgtDaemon(label: "chap")
        defer { tgtd.remove() }
        let secret = "s3cret-Tandem-42"
        var agent = tgtd.agent(["iqn": Self.iqn, "tid": "9", "luns": "1:\(try tgtd.disk("a"))",
                                "incoming_username": "tandem", "incoming_password": secret,
                                "allowed_initiators": Self.client])
        agent.extra["HA_debug"] = "1"
        let trace = tgtd.directory + "/start.strace"
        let traced = try TestCommands.run("strace", ["-f", "-qq", "-o", trace, "-e", "trace=execve,fork,vfork,clone,clone3",
                                                     TestCommands.binary("iscsi-target"), "start"], environment: agent.environment)
        #expect(traced.status == .exited(0), "\(traced.stderrText)")
        #expect(!traced.stderrText.contains(secret), "the secret is not logged")
        let calls = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n")
        #expect(calls.filter { $0.contains("execve(") }.count == 1, "only the agent itself: \(calls)")
        let url = "iscsi://tandem%\(secret)@127.0.0.1/\(Self.iqn)/1"
        #expect(try tgtd.initiator("iscsi-inq", ["-i", Self.client, url]).succeeded, "right secret, allowed initiator")
        let wrong = "iscsi://tandem%wrong-secret-99@127.0.0.1/\(Self.iqn)/1"
        #expect(!(try tgtd.initiator("iscsi-inq", ["-i", Self.client, wrong]).succeeded), "wrong secret")
        #expect(!(try tgtd.initiator("iscsi-inq", ["-i", "iqn.2026-01.org.example:stranger", url]).succeeded),
                "initiator outside allowed_initiators")
        #expect(!(try tgtd.initiator("iscsi-inq", ["-i", Self.client, "iscsi://127.0.0.1/\(Self.iqn)/1"]).succeeded),
                "no CHAP")
        // A new secret is a reload: the old one stops working.
        var changed = agent
        changed.parameters["incoming_password"] = "an0ther-Secret-7"
        #expect(try changed.run("reload-agent").code == 0)
        #expect(!(try tgtd.initiator("iscsi-inq", ["-i", Self.client, url]).succeeded), "the old secret after reload")
        let newURL = "iscsi://tandem%an0ther-Secret-7@127.0.0.1/\(Self.iqn)/1"
        #expect(try tgtd.initiator("iscsi-inq", ["-i", Self.client, newURL]).succeeded)
        #expect(try changed.run("stop").code == 0)
        let accounts = try tgtd.tgtadm(["--op", "show", "--mode", "account"]).stdoutText
        #expect(!accounts.contains("tandem"), "stop removes the account no target uses: \(accounts)")
    }

    /// reload-agent adds and removes LUNs while a session on another LUN stays logged in.
    @Test func reloadChangesLUNsWithoutDroppingTheSession() throws {
        let tgtd = try TgtDaemon(label: "reload")
        defer { tgtd.remove() }
        let a = try tgtd.disk("a"), b = try tgtd.disk("b")
        let agent = tgtd.agent(["iqn": Self.iqn, "tid": "10", "luns": "1:\(a)"])
        #expect(try agent.run("start").code == 0)
        // A session that keeps reading LUN 1 through the reload.
        let holder = try tgtd.background(["iscsi-perf", "-i", Self.client, "iscsi://127.0.0.1/\(Self.iqn)/1"])
        defer {
            kill(holder.processIdentifier, SIGKILL)  // iscsi-perf ignores SIGTERM
            holder.waitUntilExit()
        }
        let logged: Bool? = try OperationBudget(timeoutMilliseconds: 10_000, reserveMilliseconds: 0).poll(every: 100) {
            (try TgtTargetList(parsing: tgtd.show()).target(tid: 10)?.nexuses.isEmpty == false) ? true : nil
        }
        try #require(logged == true, "the initiator logged in")
        let sessionBefore = try #require(TgtTargetList(parsing: try tgtd.show()).target(tid: 10)?.nexuses.first?.id)
        var grown = agent
        grown.parameters["luns"] = "1:\(a) 2:\(b)"
        #expect(try grown.run("reload-agent").code == 0)
        #expect(try grown.monitor().code == 0)
        var shrunk = agent
        shrunk.parameters["luns"] = "1:\(a)"
        #expect(try shrunk.run("reload-agent").code == 0)
        let after = try #require(TgtTargetList(parsing: try tgtd.show()).target(tid: 10))
        #expect(after.dataLUNs.map(\.number) == [1])
        #expect(after.nexuses.map(\.id) == [sessionBefore], "the session on LUN 1 stayed")
        // Stop closes the live session.
        #expect(try shrunk.run("stop").code == 0)
        #expect(TgtTargetList(parsing: try tgtd.show()).target(tid: 10) == nil)
    }

    /// Bad input: 6 (or 5 for a backend this version does not drive) with a reason naming the
    /// parameter, and tgtd unchanged.
    @Test func badInputIsRefusedAndChangesNothing() throws {
        let tgtd = try TgtDaemon(label: "bad")
        defer { tgtd.remove() }
        let disk = try tgtd.disk("a")
        let base = ["iqn": Self.iqn, "tid": "11", "luns": "1:\(disk)"]
        let cases: [(String, [String: String], [String: String], Int32, String)] = [
            ("upper-case iqn", ["iqn": "IQN.2026-01.org.example:x"], [:], 6, "iqn"),
            ("tid 0", ["tid": "0"], [:], 6, "tid"),
            ("no tid", ["tid": ""], [:], 6, "tid is required"),
            ("LUN 0 on tgt", ["luns": "0:\(disk)"], [:], 6, "LUN 0"),
            ("relative path", ["luns": "1:dev/sdb"], [:], 6, "luns"),
            ("dot-dot path", ["luns": "1:/dev/../etc/passwd"], [:], 6, "luns"),
            ("comma in a path", ["luns": "1:/dev/a,bstype=sg"], [:], 6, "luns"),
            ("shell in a LUN", ["luns": "1:/dev/$(reboot)"], [:], 1, "does not exist"),
            ("user without secret", ["incoming_username": "u"], [:], 6, "incoming_password"),
            ("comma in the user", ["incoming_username": "a,b", "incoming_password": "secretsecret1"], [:], 6,
             "incoming_username"),
            ("lun without path", ["lun": "3"], [:], 6, "path"),
            ("promotable tgt", [:], ["promotable": "true"], 6, "promotable"),
            ("iet", ["implementation": "iet"], [:], 5, "IET"),
            ("scst not installed", ["implementation": "scst"], [:], 5, "SCST"),
            ("scst: a CHAP secret iscsi-scstd refuses", ["implementation": "scst", "incoming_username": "u",
                                                       "incoming_password": "short-11ch"], [:], 6, "12 characters"),
            ("scst: promotable without notify", ["implementation": "scst", "alua_group_ids": "a=1 b=2"],
             ["promotable": "true", "on_node": "a"], 6, "notify=true"),
            ("scst: promotable, three nodes", ["implementation": "scst", "alua_group_ids": "a=1 b=2 c=3"],
             ["promotable": "true", "notify": "true", "on_node": "a"], 6, "exactly two nodes"),
            ("bad setting", ["additional_parameters": "MaxRecv"], [:], 6, "additional_parameters"),
            ("vendor too long", ["vendor_id": "ABCDEFGHI"], [:], 6, "vendor_id"),
            ("missing device", ["luns": "1:\(tgtd.directory)/nothing"], [:], 1, "does not exist"),
            ("a directory as a LUN", ["luns": "1:\(tgtd.directory)"], [:], 2, "is not a block device or a file"),
            ("block size 1000", ["block_size": "1000"], [:], 6, "block_size"),
            ("an initiator that is no iSCSI name", ["allowed_initiators": "iqn.2026-01.org.example:c1 c2"], [:], 6,
             "allowed_initiators"),
            ("an eui initiator of 15 digits", ["allowed_initiators": "eui.02004567A425678"], [:], 6, "allowed_initiators"),
            ("white space in the CHAP secret", ["incoming_username": "u", "incoming_password": "secret secret1"], [:], 6,
             "incoming_password"),
            ("text after an IPv6 bracket", ["portals": "[2001:db8::1]3260"], [:], 6, "portals"),
            ("port 0", ["portals": "127.0.0.1:0"], [:], 6, "portals"),
            ("unknown implementation", ["implementation": "istgt"], [:], 6, "implementation"),
        ]
        let before = try tgtd.show()
        for (label, parameters, meta, code, reasonPart) in cases {
            var agent = tgtd.agent(base.merging(parameters) { $1 })
            agent.meta = meta
            for action in ["validate-all", "start"] {
                let outcome = try agent.run(action)
                #expect(outcome.code == code, "\(label) \(action): \(outcome)")
                #expect(outcome.exitReason()?.contains(reasonPart) == true, "\(label) \(action): \(outcome)")
            }
            #expect(try agent.run("stop").code == 0, "\(label): stop")
            #expect(try agent.run("monitor").code == 7, "\(label): probe")
            #expect(try tgtd.show() == before, "\(label): tgtd unchanged")
        }
    }

    /// No tgtd: a probe says not running, stop has nothing to do, start fails naming tgtd.
    @Test func withoutTgtd() throws {
        let directory = try TestCommands.temporaryDirectory("no-tgtd")
        defer { TestCommands.removeDirectory(directory) }
        var agent = AgentInvocation("iscsi-target")
        agent.parameters = ["implementation": "tgt", "iqn": Self.iqn, "tid": "1", "tgt_control_port": "4242"]
        agent.extra = ["TGT_IPC_SOCKET": directory + "/sock"]
        #expect(try agent.run("monitor").code == 7)
        #expect(try agent.run("stop").code == 0)
        let start = try agent.run("start")
        #expect(start.code == 1 && start.exitReason()?.contains("tgtd is not running") == true, "\(start)")
        let recurring = try agent.monitor()
        #expect(recurring.code == 7, "\(recurring)")
    }
}

/// ocf-tester against a real tgtd, and the portal warning.
@Suite struct TgtAgentToolingTests {
    /// ocf-tester's one failure is ra-api-1.dtd's, which predates OCF 1.1: only its complaints
    /// about `reloadable` and `reload-agent` are accepted; every action test must pass.
    @Test func ocfTesterPassesButForTheDTDsOCF11Names() throws {
        let tgtd = try TgtDaemon(label: "ocftester")
        defer { tgtd.remove() }
        let disk = try tgtd.disk("a")
        let result = try TestCommands.run(
            "ocf-tester", ["-n", "p_target", "-o", "implementation=tgt", "-o", "iqn=iqn.2026-01.org.example:ocft",
                           "-o", "tid=3", "-o", "tgt_control_port=\(tgtd.controlPort)", "-o", "luns=1:\(disk)",
                           TestCommands.binary("iscsi-target")],
            environment: ["TGT_IPC_SOCKET": tgtd.socketBase], timeoutMilliseconds: 180_000)
        let output = result.stdoutText + result.stderrText
        let failures = output.split(separator: "\n").filter { $0.hasPrefix("* rc=") }
        #expect(failures == ["* rc=4: Your agent produces meta-data which does not conform to ra-api-1.dtd"], "\(output)")
        let complaints = output.split(separator: "\n").filter { $0.contains("validity error") }
        #expect(!complaints.isEmpty && complaints.allSatisfy { MetadataSchemas.isOCF11OnlyComplaint(String($0)) }, "\(output)")
        #expect(output.contains("failed 1 tests"), "\(output)")
        #expect(TgtTargetList(parsing: try tgtd.show()).targets.isEmpty, "ocf-tester's last stop left nothing")
    }

    /// implementation unset: the first backend running here (this host has neither LIO's
    /// configfs target nor SCST, so tgtd); none running, with tgtd installed: 1, not 5 (a
    /// restarting tgtd must not ban the node).
    @Test func implementationUnsetTakesTheFirstRunning() throws {
        let tgtd = try TgtDaemon(label: "unset")
        defer { tgtd.remove() }
        var agent = tgtd.agent(["iqn": "iqn.2026-01.org.example:u", "tid": "5", "luns": "1:\(try tgtd.disk("a"))"])
        agent.parameters["implementation"] = nil
        #expect(try agent.run("validate-all").code == 0)
        #expect(try agent.run("start").code == 0)
        #expect(try agent.monitor().code == 0)
        #expect(try tgtd.show().contains("iqn.2026-01.org.example:u"))
        #expect(try agent.run("stop").code == 0)
        agent.parameters["tgt_control_port"] = "\(tgtd.controlPort + 1)"
        let none = try agent.run("validate-all")
        #expect(none.code == 1, "\(none)")
        #expect(none.exitReason()?.contains("no iSCSI target runs on this node") == true, "\(none)")
        #expect(none.exitReason()?.contains("although tgtd is installed") == true, "\(none)")
        #expect(try agent.run("monitor").code == 7, "a probe where nothing runs")
        #expect(try agent.run("stop").code == 0)
    }

    @Test func aPortalTgtdDoesNotListenOnIsAWarning() throws {
        let tgtd = try TgtDaemon(label: "portal")
        defer { tgtd.remove() }
        var agent = tgtd.agent(["iqn": "iqn.2026-01.org.example:p", "tid": "4", "luns": "1:\(try tgtd.disk("a"))",
                                "portals": "127.0.0.1:3260 192.0.2.7:3260"])
        agent.extra["HA_debug"] = "1"
        let outcome = try agent.run("validate-all")
        #expect(outcome.code == 0)
        #expect(outcome.stderr.contains("does not listen on portal(s) 192.0.2.7:3260:"), "\(outcome.stderr)")
        agent.parameters["portals"] = "127.0.0.1"
        #expect(!(try agent.run("validate-all").stderr.contains("does not listen")))
    }
}
