import Testing
import TandemTestSupport
@testable import tandem

/// `drbdadm dump all` output of the examples' r0.res, from the real drbdadm (8.4 syntax,
/// through drbdadm-84 where drbd-utils 9's drbdadm refuses it without a module loaded).
@Suite struct DRBDConfigurationDumpTests {
    static func dump(_ name: String) throws -> DRBDConfigurationDump {
        let local = DoctorInputs(environment: [:]).drbd(configuration: DoctorFixture.path(name))
        return try #require(local.value, "drbdadm dump of \(name): \(local)")
    }

    @Test func clusterA() throws {
        let r0 = try #require(try Self.dump("drbd-a.conf").resource("r0"))
        #expect(!r0.allowsTwoPrimaries)
        #expect(r0.fencing == "resource-only")
        #expect(r0.handlers["fence-peer"] == "/usr/lib/drbd/crm-fence-peer.9.sh")
        #expect(r0.handlers["after-resync-target"] == "/usr/lib/drbd/crm-unfence-peer.9.sh")
        #expect(r0.backingDisks == ["/dev/sdb"])
        #expect(r0.devices == ["/dev/drbd0"])
    }

    @Test func clusterB() throws {
        let r0 = try #require(try Self.dump("drbd-b.conf").resource("r0"))
        #expect(r0.allowsTwoPrimaries)
        #expect(r0.fencing == "resource-and-stonith")
    }

    @Test func absentFile() {
        guard case .absent = DoctorInputs(environment: [:]).drbd(configuration: "/nonexistent/drbd.conf") else {
            Issue.record("a missing drbd.conf is not absent")
            return
        }
    }

    @Test func statementsWithQuotesAndComments() {
        let statements = DRBDStatement.parse("resource r1 { # note\n handlers { fence-peer \"/x y.sh\"; } }")
        #expect(statements == [DRBDStatement(words: ["resource", "r1"], block: [
            DRBDStatement(words: ["handlers"], block: [DRBDStatement(words: ["fence-peer", "/x y.sh"], block: nil)]),
        ])])
    }
}
