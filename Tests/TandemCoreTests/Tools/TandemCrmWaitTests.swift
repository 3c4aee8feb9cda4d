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

    @Test func usageAndUnreadableInput() throws {
        let bad = try TestCommands.run(TestCommands.binary("tandem-crm-wait"), ["--promoted", "only-one-argument"])
        #expect(bad.status == .exited(2) && bad.stderrText.contains("usage: tandem-crm-wait"))
        let none = try TestCommands.run(TestCommands.binary("tandem-crm-wait"), [])
        #expect(none.status == .exited(2))
        let garbage = try TestCommands.run(TestCommands.binary("tandem-crm-wait"), ["--stdin", "--dc"], input: "<not-crm_mon")
        #expect(garbage.status == .exited(3))
    }
}
