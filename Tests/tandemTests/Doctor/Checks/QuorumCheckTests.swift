import Testing
@testable import tandem

@Suite struct QuorumCheckTests {
    @Test func twoNodesWithoutTwoNode() throws {
        let findings = try DoctorFixture(corosync: "corosync-no-two-node.conf").findings(QuorumCheck())
        #expect(findings.map(\.check) == ["quorum-two-node"])
        #expect(findings.first?.severity == .error)
        #expect(findings.first?.message == "2 nodes, no-quorum-policy=stop and corosync without two_node: 1")
    }

    @Test func ignoreWithTwoNode() throws {
        let findings = try DoctorFixture(cib: "no-quorum-ignore.xml").findings(QuorumCheck())
        #expect(findings.map(\.check) == ["quorum-two-node-ignore"])
        #expect(findings.first?.severity == .warning)
    }

    @Test func ignoreWithoutTwoNodeIsAcceptedByThisCheck() throws {
        let findings = try DoctorFixture(cib: "no-quorum-ignore.xml", corosync: "corosync-no-two-node.conf")
            .findings(QuorumCheck())
        #expect(findings.isEmpty)
    }

    @Test func corosyncNotRead() throws {
        let findings = try DoctorFixture(corosync: nil).findings(QuorumCheck())
        #expect(findings.map(\.check) == ["quorum-two-node-unknown"])
        #expect(findings.first?.severity == .info)
    }
}
