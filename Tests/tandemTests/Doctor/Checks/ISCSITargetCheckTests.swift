import Testing
@testable import tandem

/// Cluster B's ALUA target (examples/cluster-b/crm-target.crm) and broken variants made by
/// crm_resource and crm (Tests/Fixtures/doctor/make-fixtures).
@Suite struct ISCSITargetCheckTests {
    @Test func theExampleIsClean() throws {
        #expect(try DoctorFixture(cib: "cluster-b.xml").findings(ISCSITargetCheck()).isEmpty)
        #expect(try DoctorFixture(cib: "cluster-a.xml").findings(ISCSITargetCheck()).isEmpty)
    }

    @Test func writeCacheOverDualPrimary() throws {
        let findings = try DoctorFixture(cib: "iscsi-write-cache.xml").findings(ISCSITargetCheck())
        #expect(findings.map(\.check) == ["iscsi-write-cache-dual-primary"])
        #expect(findings.first?.severity == .error)
        #expect(findings.first?.message == "p_target in promotable ms_target has write_cache=true over dual-primary ms_drbd")
        #expect(findings.first?.why.contains("unless force_write_cache=true") == true)
    }

    /// Forcing does not make it safe where the CIB shows dual-primary DRBD below.
    @Test func forcedWriteCacheOverDualPrimary() throws {
        let findings = try DoctorFixture(cib: "iscsi-write-cache-forced.xml").findings(ISCSITargetCheck())
        #expect(findings.map(\.message) == ["p_target in promotable ms_target has write_cache=true over dual-primary ms_drbd (forced)"])
        #expect(findings.first?.fix.contains("--delete-parameter force_write_cache") == true)
    }

    @Test func equalGroupIDs() throws {
        let findings = try DoctorFixture(cib: "iscsi-group-ids-equal.xml").findings(ISCSITargetCheck())
        #expect(findings.map(\.check) == ["iscsi-alua-group-ids-equal"])
        #expect(findings.first?.message == "alua_group_ids gives hpms01 and hpms02 the same group id 1")
    }

    @Test func aNodeWithoutGroupID() throws {
        let findings = try DoctorFixture(cib: "iscsi-group-ids-missing-node.xml").findings(ISCSITargetCheck())
        #expect(findings.map(\.check) == ["iscsi-alua-group-ids-node"])
        #expect(findings.first?.message == "alua_group_ids (hpms01=1) has no id for node hpms02")
    }

    /// iSCSILogicalUnit's default serial comes from the instance name (p_lu1:0, p_lu1:1).
    @Test func clonedLogicalUnitWithoutSerial() throws {
        let findings = try DoctorFixture(cib: "iscsi-lun-clone-default-serial.xml").findings(ISCSITargetCheck())
        #expect(findings.map(\.check) == ["iscsi-serial-per-node"])
        #expect(findings.first?.message == "p_lu1 (iSCSILogicalUnit) is cloned in cl_lu1 without scsi_sn")
    }
}
