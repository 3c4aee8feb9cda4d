import Foundation
import Testing
import TandemTestSupport
import TandemCore

/// `tandem-status` (the demo's view of the cluster) on captured crm_mon XML, file and stdin.
@Suite struct TandemStatusTests {
    static let binary = TestCommands.binary("tandem-status")

    @Test func showsNodesRolesAndTheVIP() throws {
        let result = try TestCommands.run(Self.binary, [FixturePaths.shared("crm_mon/crm_mon-one-node-offline.xml")])
        #expect(result.status == .exited(0))
        #expect(result.stdoutText == """
            cluster: DC node2, quorate, 2 nodes, 2 resources
              node node1  offline
              node node2  online   DC
              ms-stateful  promotable clone of ocf:pacemaker:Stateful  Promoted: node2 | Stopped
              vip          ocf:heartbeat:IPaddr2                       Started: node2

            """)
    }

    @Test func readsStandardInput() throws {
        let xml = try FixturePaths.read(FixturePaths.shared("crm_mon/crm_mon-2node-ok.xml"))
        let result = try TestCommands.run(Self.binary, [], input: xml)
        #expect(result.status == .exited(0))
        #expect(result.stdoutText.contains("Promoted: node2 | Unpromoted: node1"))
    }

    @Test func rejectsWhatIsNotCrmMonXML() throws {
        let result = try TestCommands.run(Self.binary, [FixturePaths.shared("crm_mon/cib-2node-ok.xml")])
        #expect(result.status == .exited(1))
        #expect(result.stderrText.hasPrefix("tandem-status: "))
        #expect(result.stdoutText.isEmpty)
    }
}
