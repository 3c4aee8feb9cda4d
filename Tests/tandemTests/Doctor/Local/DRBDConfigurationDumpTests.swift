import Testing
import TandemCore
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

    /// DRBD 9's own syntax (fencing and allow-two-primaries in net, volumes, `device minor N`),
    /// as drbd-utils 9's drbdadm dumps it with no module loaded.
    @Test func drbd9Syntax() throws {
        let directory = try TestCommands.temporaryDirectory("drbd9-conf")
        defer { TestCommands.removeDirectory(directory) }
        let path = directory + "/drbd.conf"
        try FileContents.writeAtomically(path, Array("""
            resource r9 {
                net { protocol C; allow-two-primaries yes; fencing resource-and-stonith; }
                handlers { fence-peer "/usr/lib/drbd/crm-fence-peer.9.sh"; }
                on n1 { node-id 0; address 10.9.0.1:7789; volume 0 { device minor 3; disk /dev/vdc; meta-disk internal; } }
                on n2 { node-id 1; address 10.9.0.2:7789; volume 0 { device minor 3; disk /dev/vdc; meta-disk internal; } }
            }

            """.utf8))
        let local = DoctorInputs(environment: [:]).drbd(configuration: path)
        let r9 = try #require(local.value?.resource("r9"), "\(local)")
        #expect(r9.allowsTwoPrimaries)
        #expect(r9.fencing == "resource-and-stonith")
        #expect(r9.backingDisks == ["/dev/vdc"])
        #expect(r9.devices == ["/dev/drbd3"])
    }

    @Test func statementsWithQuotesAndComments() {
        let statements = DRBDStatement.parse("resource r1 { # note\n handlers { fence-peer \"/x y.sh\"; } }")
        #expect(statements == [DRBDStatement(words: ["resource", "r1"], block: [
            DRBDStatement(words: ["handlers"], block: [DRBDStatement(words: ["fence-peer", "/x y.sh"], block: nil)]),
        ])])
    }
}
