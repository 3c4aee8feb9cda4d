import Foundation
import Testing
import TandemCore
import TandemTestSupport

/// The built `tandem status` on crm_mon XML: saved captures (`--file`), and crm_mon run by
/// the command itself on CIB files of the installed Pacemaker (`CIB_file`).
@Suite struct StatusCommandTests {
    static let binary = TestCommands.binary("tandem")

    static func status(_ arguments: [String], environment: [String: String] = [:], input: String? = nil,
                       timeoutMilliseconds: Int = 60_000) throws -> CommandResult {
        try TestCommands.run(binary, ["status"] + arguments, environment: ["NO_COLOR": "1"].merging(environment) { $1 },
                             input: input, timeoutMilliseconds: timeoutMilliseconds)
    }

    @Test func savedDocumentWithAnOfflineNode() throws {
        let result = try Self.status(["--file", FixturePaths.shared("crm_mon/crm_mon-one-node-offline.xml")])
        #expect(result.status == .exited(1))
        #expect(result.stdoutText == """
            PROBLEMS
              WARN   fencing is disabled (stonith-enabled=false): a lost node is never fenced
              WARN   node1 is offline: no redundancy
            cluster: DC node2, quorate, 1 of 2 nodes online, 2 resources
              node node1  offline
              node node2  online   DC
              ms-stateful  promotable clone of ocf:pacemaker:Stateful  Promoted: node2 | Stopped
              vip          ocf:heartbeat:IPaddr2                       Started: node2
            floating IPs
              vip  ocf:heartbeat:IPaddr2  on node2

            """)
    }

    @Test func standardInput() throws {
        let xml = try FixturePaths.read(FixturePaths.shared("crm_mon/crm_mon-2node-ok.xml"))
        let result = try Self.status(["--file", "-"], input: xml)
        #expect(result.stdoutText.contains("Promoted: node2 | Unpromoted: node1"))
    }

    /// crm_mon run by tandem (CIB_file): the failed monitor with its exit reason, first.
    @Test func failedActionWithExitReason() throws {
        let result = try Self.status(["--no-local"], environment: ["CIB_file": FixturePaths.project("cib/cib-promotable-3node.xml")])
        #expect(result.status == .exited(2))
        let lines = result.stdoutText.split(separator: "\n").map(String.init)
        #expect(lines.prefix(3) == ["PROBLEMS", "  ERROR  lun1 is FAILED on n2",
                                    "  ERROR  lun1_monitor_10000 failed on n2 (not running): state file vanished"])
        #expect(lines.suffix(2) == ["failed actions", "  lun1_monitor_10000  on n2  not running (7)  state file vanished"])
        // A group's members on one node name it once.
        #expect(lines.contains { $0.hasPrefix("  g-iscsi") && $0.hasSuffix("group of 2                                  Started: n1") },
                "\(lines)")
    }

    @Test func pendingActions() throws {
        let result = try Self.status(["--no-local"], environment: ["CIB_file": FixturePaths.project("cib/cib-pending.xml")])
        #expect(result.stdoutText.hasSuffix("in progress\n  slow1  Starting  on n1\n"))
    }

    @Test func nodeStatesOrderedByProblem() throws {
        let result = try Self.status(["--no-local"], environment: ["CIB_file": FixturePaths.project("cib/cib-node-states.xml")])
        let problems = result.stdoutText.split(separator: "\n").dropFirst().prefix(4).map(String.init)
        #expect(problems == ["  ERROR  n5 is UNCLEAN: it must be fenced before its resources can move",
                             "  WARN   n2 is in standby", "  WARN   n3 is in maintenance", "  WARN   n4 is offline: no redundancy"])
    }

    /// One crm_mon call and no other process (this host has no DRBD 9, whose state needs
    /// drbdsetup), counted by strace: tandem's own execve and crm_mon's.
    @Test func onlyCrmMonRuns() throws {
        let directory = try TestCommands.temporaryDirectory("status-strace")
        defer { TestCommands.removeDirectory(directory) }
        let trace = directory + "/trace"
        let result = try TestCommands.run("strace", ["-f", "-qq", "-o", trace, "-e", "trace=execve", Self.binary, "status"],
                                          environment: ["CIB_file": FixturePaths.project("cib/cib-pending.xml")])
        #expect(result.stdoutText.contains("cluster: DC n1"))
        let programs = try FixturePaths.read(trace).split(separator: "\n").filter { $0.contains("execve(") }
            .compactMap { $0.split(separator: "\"").dropFirst().first.map(String.init) }
        #expect(programs.count == 2)
        #expect(programs.last?.hasSuffix("/crm_mon") == true)
    }

    @Test func jsonSchema() throws {
        let result = try Self.status(["--json", "--no-local"], environment: ["CIB_file": FixturePaths.project("cib/cib-promotable-3node.xml")])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdoutText.utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "tandem-status/1")
        #expect(Set(json.keys) == ["schema", "problems", "cluster", "drbd", "lvm", "floatingIPs", "failures", "pending", "targets"])
        #expect(json["targets"] is NSNull)
        #expect(json["drbd"] is NSNull)
        let cluster = try #require(json["cluster"] as? [String: Any])
        #expect(cluster["dc"] as? String == "n1")
        #expect(cluster["quorum"] as? Bool == true)
        let failures = try #require(json["failures"] as? [[String: Any]])
        #expect(failures.first?["exitReason"] as? String == "state file vanished")
        #expect(failures.first?["resource"] as? String == "lun1")
        let ips = try #require(json["floatingIPs"] as? [[String: Any]])
        #expect(ips.first?["nodes"] as? [String] == ["n1"])
    }

    /// Colour only on a terminal: captured output has no escape sequences even without NO_COLOR.
    @Test func noColourOffATerminal() throws {
        let result = try TestCommands.run(Self.binary, ["status", "--file", FixturePaths.shared("crm_mon/crm_mon-one-node-offline.xml")])
        #expect(!result.stdoutText.contains("\u{1B}["))
    }

    @Test func notCrmMonXML() throws {
        let result = try Self.status(["--file", FixturePaths.shared("crm_mon/cib-2node-ok.xml")])
        #expect(result.status == .exited(2))
        #expect(result.stdoutText.hasPrefix("PROBLEMS\n  ERROR  crm_mon: "))
    }

    /// `--watch 1`: a frame a second until SIGTERM (the test runner's timeout sends it), then a
    /// clean exit with the first frame's status.
    @Test func watchRedrawsUntilSignalled() throws {
        let result = try Self.status(["--watch", "1", "--file", FixturePaths.shared("crm_mon/crm_mon-2node-ok.xml")],
                                     timeoutMilliseconds: 2_500)
        #expect(result.timedOut)
        #expect(result.status == .exited(1))
        #expect(result.stdoutText.components(separatedBy: "cluster: DC node1").count - 1 >= 2)
    }

    @Test func watchRejectsStandardInput() throws {
        let result = try Self.status(["--watch", "--file", "-"], input: "")
        #expect(result.status == .exited(64))
        #expect(result.stderrText.contains("--watch cannot read standard input again"))
    }
}
