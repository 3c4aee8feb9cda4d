import Testing
@testable import tandem

@Suite struct FencingCheckTests {
    @Test func stonithDisabled() throws {
        let findings = try DoctorFixture(cib: "stonith-disabled.xml").findings(FencingCheck())
        #expect(findings.map(\.check) == ["stonith-disabled"])
        #expect(findings.first?.severity == .error)
        #expect(findings.first?.fix.contains("crm_attribute --type crm_config --name stonith-enabled --update true") == true)
    }

    @Test func enabledWithoutAFenceDevice() throws {
        let findings = try DoctorFixture(cib: "no-fence-device.xml").findings(FencingCheck())
        #expect(findings.map(\.check) == ["stonith-no-device"])
        #expect(findings.first?.why.contains("Resource start-up disabled") == true)
    }
}
