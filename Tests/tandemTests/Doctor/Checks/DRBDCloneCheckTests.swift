import Testing
@testable import tandem

@Suite struct DRBDCloneCheckTests {
    @Test func notifyFalse() throws {
        let findings = try DoctorFixture(cib: "notify-false.xml").findings(DRBDCloneCheck())
        #expect(findings.map(\.check) == ["drbd-notify"])
        #expect(findings.first?.fix == "crm_resource --resource ms_drbd --meta --set-parameter notify --parameter-value true")
    }

    @Test func instanceCounts() throws {
        let findings = try DoctorFixture(cib: "clone-counts.xml").findings(DRBDCloneCheck())
        #expect(findings.map(\.check) == ["drbd-promoted-max", "drbd-promoted-node-max", "drbd-clone-node-max", "drbd-clone-max"])
        #expect(findings.allSatisfy { $0.severity == .error })
        #expect(findings.map(\.message).contains("ms_drbd has clone-max=3"))
    }

    @Test func singleInstance() throws {
        let findings = try DoctorFixture(cib: "clone-max-one.xml").findings(DRBDCloneCheck())
        #expect(findings.map(\.check) == ["drbd-clone-max"])
        #expect(findings.first?.severity == .warning)
    }

    /// Three nodes and no clone-max: an instance would start on the node without DRBD.
    @Test func defaultCloneMaxOnThreeNodes() throws {
        let findings = try DoctorFixture(cib: "three-nodes-default-clone-max.xml", corosync: nil).findings(DRBDCloneCheck())
        #expect(findings.map(\.check) == ["drbd-clone-max"])
        #expect(findings.first?.message == "ms_drbd has no clone-max and the cluster has 3 nodes")
        #expect(findings.first?.severity == .error)
    }

    @Test func notInAPromotableClone() throws {
        let findings = try DoctorFixture(cib: "not-promotable.xml").findings(DRBDCloneCheck())
        #expect(findings.map(\.check) == ["drbd-not-promotable"])
        #expect(findings.first?.message == "p_drbd (ocf:tandem:drbd) is not in a promotable clone")
    }
}
