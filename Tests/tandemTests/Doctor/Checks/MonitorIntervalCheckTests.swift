import Testing
@testable import tandem

@Suite struct MonitorIntervalCheckTests {
    @Test func sameIntervalForBothRoles() throws {
        let findings = try DoctorFixture(cib: "monitor-same-interval.xml").findings(MonitorIntervalCheck())
        #expect(findings.map(\.check) == ["monitor-same-interval"])
        #expect(findings.first?.message.hasPrefix("p_drbd has two monitors with interval 10s") == true)
    }

    @Test func noPromotedMonitor() throws {
        let findings = try DoctorFixture(cib: "monitor-promoted-missing.xml").findings(MonitorIntervalCheck())
        #expect(findings.map(\.check) == ["monitor-promoted-missing"])
        #expect(findings.first?.severity == .error)
    }

    @Test func noUnpromotedMonitor() throws {
        let findings = try DoctorFixture(cib: "monitor-unpromoted-missing.xml").findings(MonitorIntervalCheck())
        #expect(findings.map(\.check) == ["monitor-unpromoted-missing"])
        #expect(findings.first?.severity == .warning)
    }
}
