import Testing
@testable import tandem

/// Cluster A's chain (a group colocated with and ordered after the promotion) broken one
/// constraint at a time, and the separate-resources shape without its layer order.
@Suite struct StackChainCheckTests {
    @Test(arguments: [
        ("chain-no-colocation.xml", "chain-colocation", Severity.error),
        ("chain-colocation-any-role.xml", "chain-colocation-role", .error),
        ("chain-colocation-advisory.xml", "chain-colocation-advisory", .warning),
        ("chain-no-order.xml", "chain-order", .error),
        ("chain-order-start.xml", "chain-order-action", .error),
        ("chain-order-optional.xml", "chain-order-optional", .warning),
    ])
    func groupShape(cib: String, check: String, severity: Severity) throws {
        let findings = try DoctorFixture(cib: cib).findings(StackChainCheck())
        #expect(findings.map(\.check) == [check])
        #expect(findings.first?.severity == severity)
        #expect(findings.first?.subject == "resource g_san")
    }

    @Test func separateShapeWithoutLayerOrder() throws {
        let findings = try DoctorFixture(cib: "chain-separate-no-layer-order.xml").findings(StackChainCheck())
        #expect(findings.map(\.check) == ["chain-layer-order", "chain-layer-order", "chain-layer-order"])
        #expect(findings.map(\.subject) == ["resource p_target", "resource p_ip1", "resource p_ip2"])
        #expect(findings.first?.message == "p_target (iSCSI target) is not ordered after p_lvm")
        #expect(findings.last?.message == "p_ip2 (floating IP) is not ordered after p_target")
    }

    /// The IPs before the target (LIO binds its portals to them) or after it: both are a chain.
    @Test func ipsBeforeOrAfterTheTarget() throws {
        #expect(try DoctorFixture(cib: "chain-separate.xml").findings(StackChainCheck()).isEmpty)
        #expect(try DoctorFixture(cib: "chain-separate-ips-after-target.xml").findings(StackChainCheck()).isEmpty)
    }

    @Test func missingOrderFixNamesTheCommand() throws {
        let finding = try #require(try DoctorFixture(cib: "chain-no-order.xml").findings(StackChainCheck()).first)
        #expect(finding.fix.hasPrefix("crm configure order ord_ms_drbd_before_g_san Mandatory: ms_drbd:promote g_san:start"))
    }
}
