import Foundation
import Testing
import TandemTestSupport
import TandemCore

/// `tandem-crm-wait --stdin` (the storage lab's crm_mon condition check) on captured crm_mon XML.
@Suite struct TandemCrmWaitTests {
    private func check(_ fixture: String, _ conditions: [String]) throws -> CommandResult {
        let xml = try FixturePaths.read(FixturePaths.shared("crm_mon/\(fixture)"))
        return try TestCommands.run(TestCommands.binary("tandem-crm-wait"), ["--stdin"] + conditions, input: xml)
    }

    @Test func conditionsThatHold() throws {
        let result = try check("crm_mon-2node-ok.xml",
                               ["--online", "node1", "--online", "node2", "--dc", "--quorum", "--settled",
                                "--promoted", "ms-stateful", "node2", "--started", "stateful", "node1",
                                "--started", "vip", "node2"])
        #expect(result.status == .exited(0), "\(result.stdoutText) \(result.stderrText)")
        #expect(result.stdoutText.hasPrefix("met: node node1 online; node node2 online; a DC elected"))
    }

    @Test func conditionsThatDoNotHoldAreNamed() throws {
        let result = try check("crm_mon-one-node-offline.xml",
                               ["--online", "node1", "--offline", "node1", "--promoted", "ms-stateful", "node1"])
        #expect(result.status == .exited(1))
        #expect(result.stdoutText == "not met: node node1 online: offline; ms-stateful promoted on node1: promoted on [node2]\n")
    }

    /// A failed start leaves the resource "Started" with failed="true": not started (the lab
    /// would otherwise take a start that failed for one that worked).
    @Test func aFailedResourceIsNotStarted() throws {
        let result = try vipStartedOnNode2(
            editing: "role=\"Started\" active=\"true\" orphaned=\"false\" blocked=\"false\" managed=\"true\" failed=\"false\"",
            to: "role=\"Started\" active=\"true\" orphaned=\"false\" blocked=\"false\" managed=\"true\" failed=\"true\"")
        #expect(result.status == .exited(1))
        #expect(result.stdoutText == "not met: vip started on node2: started on [node2]; failed on [node2]\n")
    }

    /// A start in flight shows role "Started" with pending="Starting" (record-pending): not
    /// started yet (the lab's client would log in before iSCSILogicalUnit had made its LUN).
    @Test func aStartInFlightIsNotStarted() throws {
        let result = try vipStartedOnNode2(editing: "role=\"Started\" active=\"true\"", to: "role=\"Started\" pending=\"Starting\" active=\"true\"")
        #expect(result.status == .exited(1))
        #expect(result.stdoutText == "not met: vip started on node2: started on [node2]; starting on [node2]\n")
    }

    /// `--started vip node2` on the captured 2-node document with the IPaddr2 resource's
    /// attributes `old` changed to `new` (the states crm_mon shows around a start).
    private func vipStartedOnNode2(editing old: String, to new: String) throws -> CommandResult {
        let agent = "resource_agent=\"ocf:heartbeat:IPaddr2\" "
        let original = try FixturePaths.read(FixturePaths.shared("crm_mon/crm_mon-2node-ok.xml"))
        let xml = original.replacingOccurrences(of: agent + old, with: agent + new)
        #expect(xml != original, "the fixture has no IPaddr2 resource with \(old)")
        return try TestCommands.run(TestCommands.binary("tandem-crm-wait"), ["--stdin", "--started", "vip", "node2"], input: xml)
    }

    private func query(_ fixture: String, _ arguments: [String]) throws -> CommandResult {
        let xml = try FixturePaths.read(FixturePaths.shared("crm_mon/\(fixture)"))
        return try TestCommands.run(TestCommands.binary("tandem-crm-wait"), ["--stdin"] + arguments, input: xml)
    }

    private func nodes(_ fixture: String, _ resource: String, _ role: String) throws -> CommandResult {
        try query(fixture, ["--nodes", resource, role])
    }

    @Test func nodesOfAResourceInARole() throws {
        // The lab's crm_role_nodes: one line, sorted, empty when no instance has the role.
        let promoted = try nodes("crm_mon-2node-ok.xml", "ms-stateful", "Promoted")
        #expect(promoted.status == .exited(0) && promoted.stdoutText == "node2\n", "\(promoted.stderrText)")
        let unpromoted = try nodes("crm_mon-2node-ok.xml", "ms-stateful", "Slave")
        #expect(unpromoted.stdoutText == "node1\n")
        let both = try nodes("crm_mon-2node-ok.xml", "ms-stateful", "Started")
        #expect(both.stdoutText == "\n", "Started is a role of its own: a promotable clone's instances are not in it")
        let unknownResource = try nodes("crm_mon-2node-ok.xml", "ms_drbd", "Promoted")
        #expect(unknownResource.status == .exited(0) && unknownResource.stdoutText == "\n")
        let vip = try nodes("crm_mon-2node-ok.xml", "vip", "started")
        #expect(vip.stdoutText == "node2\n")
    }

    @Test func nodesQueryUsage() throws {
        let typo = try nodes("crm_mon-2node-ok.xml", "ms-stateful", "Promotd")
        #expect(typo.status == .exited(2) && typo.stderrText.contains("--nodes needs two arguments"))
        let mixed = try TestCommands.run(TestCommands.binary("tandem-crm-wait"),
                                         ["--stdin", "--nodes", "ms-stateful", "Promoted", "--dc"], input: "")
        #expect(mixed.status == .exited(2))
        let garbage = try TestCommands.run(TestCommands.binary("tandem-crm-wait"),
                                           ["--stdin", "--nodes", "ms-stateful", "Promoted"], input: "<not-crm_mon")
        #expect(garbage.status == .exited(3) && garbage.stdoutText.isEmpty)
    }

    @Test func failureReasonOfAFailedOperation() throws {
        let xml = try FixturePaths.read(FixturePaths.shared("crm_mon/crm_mon-2node-ok.xml"))
        let failed = xml.replacingOccurrences(of: "</resources>", with: """
            </resources>
              <failures>
                <failure op_key="p_drbd_start_0" node="s2" exitstatus="error" exitreason="r0 has no disk on volume 0 (Diskless)" exitcode="1" call="12" status="complete" task="start" interval="0"/>
              </failures>
            """)
        let run = { (arguments: [String]) in
            try TestCommands.run(TestCommands.binary("tandem-crm-wait"), ["--stdin", "--failure-reason"] + arguments, input: failed)
        }
        let reason = try run(["p_drbd_start_0", "s2"])
        #expect(reason.status == .exited(0) && reason.stdoutText == "r0 has no disk on volume 0 (Diskless)\n", "\(reason.stderrText)")
        #expect(try run(["p_drbd_start_0", "s1"]).stdoutText == "\n", "no failure on that node: an empty line")
        #expect(try run(["p_drbd_promote_0", "s2"]).stdoutText == "\n")
    }

    @Test func failedOperationsOfAResourceOrAll() throws {
        let xml = try FixturePaths.read(FixturePaths.shared("crm_mon/crm_mon-2node-ok.xml"))
        let failed = xml.replacingOccurrences(of: "</resources>", with: """
            </resources>
              <failures>
                <failure op_key="p_lvm_stop_0" node="s1" exitstatus="error" exitreason="vg_sid/lun0 is still active" exitcode="1" call="20" status="complete" task="stop" interval="0"/>
                <failure op_key="p_lvm2_monitor_10000" node="s2" exitstatus="not running" exitreason="" exitcode="7" call="9" status="complete" task="monitor" interval="10000"/>
              </failures>
            """)
        let run = { (arguments: [String]) in
            try TestCommands.run(TestCommands.binary("tandem-crm-wait"), ["--stdin", "--failed-ops"] + arguments, input: failed)
        }
        #expect(try run(["p_lvm", "s1"]).stdoutText == "p_lvm_stop_0@s1\n", "p_lvm2's failure is not p_lvm's")
        #expect(try run(["p_lvm", "*"]).stdoutText == "p_lvm_stop_0@s1\n")
        #expect(try run(["*", "s2"]).stdoutText == "p_lvm2_monitor_10000@s2\n")
        #expect(try run(["*", "*"]).stdoutText == "p_lvm_stop_0@s1 p_lvm2_monitor_10000@s2\n")
        #expect(try run(["p_drbd", "*"]).stdoutText == "\n", "no failure: an empty line")
    }

    @Test func usageAndUnreadableInput() throws {
        let bad = try TestCommands.run(TestCommands.binary("tandem-crm-wait"), ["--promoted", "only-one-argument"])
        #expect(bad.status == .exited(2) && bad.stderrText.contains("usage: tandem-crm-wait"))
        let none = try TestCommands.run(TestCommands.binary("tandem-crm-wait"), [])
        #expect(none.status == .exited(2))
        let garbage = try TestCommands.run(TestCommands.binary("tandem-crm-wait"), ["--stdin", "--dc"], input: "<not-crm_mon")
        #expect(garbage.status == .exited(3))
    }
}
