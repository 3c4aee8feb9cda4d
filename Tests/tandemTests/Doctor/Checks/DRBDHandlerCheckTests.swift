import Testing
@testable import tandem

@Suite struct DRBDHandlerCheckTests {
    @Test func resourceFencingWithoutHandlers() throws {
        let findings = try DoctorFixture(drbd: "drbd-a-no-handlers.conf").findings(DRBDHandlerCheck())
        #expect(findings.map(\.check) == ["drbd-fence-handler"])
        #expect(findings.first?.message == "r0 has fencing resource-only but fence-peer is not set")
    }

    @Test func fenceWithoutUnfence() throws {
        let findings = try DoctorFixture(drbd: "drbd-a-no-unfence.conf").findings(DRBDHandlerCheck())
        #expect(findings.map(\.check) == ["drbd-unfence-handler"])
        #expect(findings.first?.severity == .warning)
    }
}
