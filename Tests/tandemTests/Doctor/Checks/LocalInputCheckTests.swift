import Testing
@testable import tandem

@Suite struct LocalInputCheckTests {
    /// An lvm.conf given as the DRBD configuration: the real drbdadm refuses it, and the
    /// doctor says which checks did not run instead of reporting clean.
    @Test func unreadableDRBDConfiguration() throws {
        let findings = try DoctorFixture(drbd: "lvm-filtered/lvm.conf").findings(LocalInputCheck())
        #expect(findings.map(\.check) == ["local-unreadable"])
        #expect(findings.first?.severity == .warning)
        #expect(findings.first?.message.hasPrefix("DRBD configuration could not be read: ") == true)
    }

    @Test func readableInputsSayNothing() throws {
        #expect(try DoctorFixture().findings(LocalInputCheck()).isEmpty)
    }
}
