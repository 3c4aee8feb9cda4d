import Testing
@testable import tandem

@Suite struct LVMFilterCheckTests {
    /// No global_filter: LVM's default accepts /dev/sdb under DRBD.
    @Test func defaultFilterSeesTheBackingDisk() throws {
        let findings = try DoctorFixture(lvm: "lvm-default").findings(LVMFilterCheck())
        #expect(findings.map(\.check) == ["lvm-filter-backing-disk"])
        #expect(findings.first?.message == "LVM sees /dev/sdb, the disk under DRBD r0 (accepted by \"a|.*|\")")
    }

    @Test func filterRejectingDRBD() throws {
        let findings = try DoctorFixture(lvm: "lvm-rejects-drbd").findings(LVMFilterCheck())
        #expect(findings.map(\.check) == ["lvm-filter-drbd-device"])
        #expect(findings.first?.message == "LVM's global_filter rejects /dev/drbd0 (DRBD r0)")
    }
}
