import Testing
@testable import tandem

/// Both shipped examples, loaded by crm into real CIBs with their nodes and fencing, pass clean
/// against their own r0.res, cluster A's lvm.conf filter and a pcs-made corosync.conf.
@Suite struct ExampleConfigurationTests {
    @Test func clusterAIsClean() throws {
        let fixture = DoctorFixture(cib: "cluster-a.xml", drbd: "drbd-a.conf")
        let context = try fixture.context()
        #expect(context.drbd.value?.resource("r0")?.fencing == "resource-only")
        #expect(context.lvmFilter.value != nil)
        #expect(context.corosync.value?.twoNode == true)
        #expect(try fixture.findings() == [])
    }

    @Test func clusterBIsClean() throws {
        let fixture = DoctorFixture(cib: "cluster-b.xml", drbd: "drbd-b.conf")
        #expect(try fixture.context().drbd.value?.resource("r0")?.allowsTwoPrimaries == true)
        #expect(try fixture.findings() == [])
    }

    /// The chain as separate resources (pairwise colocations, an ordered resource set) is as
    /// good as cluster A's group.
    @Test func separateShapeIsClean() throws {
        #expect(try DoctorFixture(cib: "chain-separate.xml").findings() == [])
    }

    /// Without the node's files only notes remain: exit status 0.
    @Test func clusterBWithoutLocalFilesHasOnlyNotes() throws {
        let findings = try DoctorFixture(cib: "cluster-b.xml", drbd: nil, lvm: nil, corosync: nil).findings()
        #expect(findings.map(\.check) == ["quorum-two-node-unknown", "drbd-two-primaries-unchecked"])
        #expect(findings.allSatisfy { $0.severity == .info })
    }
}
