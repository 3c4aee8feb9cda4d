import Testing
import TandemCore
import TandemTestSupport
@testable import tandem

/// A storage node's whole view: a two-node cluster (captured crm_mon XML) with this node's
/// DRBD from the lab's /proc/drbd capture.
@Suite struct StatusReportTests {
    static func report(nodeName: String, drbdState: String) throws -> StatusReport {
        let cluster = try CrmMonParser.parse(file: FixturePaths.shared("crm_mon/crm_mon-2node-ok.xml"))
        let proc = try FixturePaths.read(FixturePaths.project("drbd-lab/\(drbdState)/s1.proc-drbd.txt"))
        let drbd = LocalDRBDReader(procPath: "/nonexistent", versionPath: "/nonexistent", stateDirectory: "/nonexistent")
            .procDRBD(proc, version: "8.4.11")
        return StatusReport(cluster: cluster, clusterError: nil, local: StatusReport.LocalState(
            nodeName: nodeName, drbd: drbd, volumeGroups: []))
    }

    /// DRBD 8 calls its one peer "peer": in a two-node cluster that is the other node.
    @Test func drbd8PeerIsTheOtherClusterNode() throws {
        let report = try Self.report(nodeName: "node1", drbdState: "connected")
        let connection = try #require(report.local?.drbd.list.first?.state.connections.first)
        #expect(report.peerNode(connection) == "node2")
        let text = StatusText(report: report, terminal: .plain).render()
        #expect(text.contains("""
            drbd 8.4.11 (/proc/drbd) on node1
              minor 0             node1 Primary      node2 Secondary Connected
                volume 0 (drbd0)  UpToDate/UpToDate  Established
            lvm: no volume group active on node1

            """))
    }

    /// A node that is not one of the two cannot tell which one its peer is.
    @Test func unknownNodeLeavesThePeerUnnamed() throws {
        let report = try Self.report(nodeName: "elsewhere", drbdState: "connected")
        let connection = try #require(report.local?.drbd.list.first?.state.connections.first)
        #expect(report.peerNode(connection) == nil)
    }

    /// Problems of every part, errors first: the split brain before the cluster's warning.
    @Test func problemsOrderedBySeverity() throws {
        let report = try Self.report(nodeName: "node1", drbdState: "split-brain")
        #expect(report.problems.map(\.severity) == [.error, .warning])
        #expect(report.problems.map(\.subject) == ["drbd:minor 0", "cluster"])
        #expect(report.exitCode == 2)
    }
}
