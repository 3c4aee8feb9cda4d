import Testing
@testable import tandem

/// Cluster B's dual-primary CIB against DRBD configurations that do not allow it.
@Suite struct DualPrimaryCheckTests {
    /// Cluster A's r0.res: one Primary, resource-only fencing.
    @Test func withoutAllowTwoPrimariesAndWithResourceOnlyFencing() throws {
        let findings = try DoctorFixture(cib: "cluster-b.xml", drbd: "drbd-a.conf").findings(DualPrimaryCheck())
        #expect(findings.map(\.check) == ["drbd-two-primaries", "dual-primary-fencing"])
        #expect(findings.map(\.severity) == [.error, .error])
        #expect(findings.last?.message == "dual-primary r0 has fencing resource-only, not resource-and-stonith")
    }

    @Test func withoutStonith() throws {
        let findings = try DoctorFixture(cib: "dual-primary-stonith-disabled.xml", drbd: "drbd-b.conf")
            .findings(DualPrimaryCheck())
        #expect(findings.map(\.check) == ["dual-primary-stonith"])
    }

    @Test func resourceNotInTheConfiguration() throws {
        let findings = try DoctorFixture(cib: "dual-primary-unknown-resource.xml", drbd: "drbd-b.conf")
            .findings(DualPrimaryCheck())
        #expect(findings.map(\.check) == ["drbd-resource-unknown"])
        #expect(findings.first?.message == "p_drbd names drbd_resource=r1, which drbdadm dump does not show")
    }

    @Test func configurationNotRead() throws {
        let findings = try DoctorFixture(cib: "cluster-b.xml", drbd: nil).findings(DualPrimaryCheck())
        #expect(findings.map(\.check) == ["drbd-two-primaries-unchecked"])
    }

    @Test func twoPrimariesAllowedButUnused() throws {
        let findings = try DoctorFixture(cib: "cluster-a.xml", drbd: "drbd-b.conf").findings(DualPrimaryCheck())
        #expect(findings.map(\.check) == ["drbd-two-primaries-unused"])
        #expect(findings.first?.severity == .info)
    }
}
