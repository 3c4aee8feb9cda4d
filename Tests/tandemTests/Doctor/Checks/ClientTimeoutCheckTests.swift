import Foundation
import Testing
import TandemTestSupport
@testable import tandem

/// Cluster A (its IPs move with the stack) against the storage lab's client configuration
/// (lab/guest/client) and variants of it from make-fixtures.
@Suite struct ClientTimeoutCheckTests {
    static let labClient = FixturePaths.repositoryRoot.appendingPathComponent("lab/guest/client/etc").path

    static func findings(iscsid: String, multipath: String?, cib: String = "cluster-a.xml") throws -> [Finding] {
        var context = try DoctorFixture(cib: cib).context()
        context.client = DoctorInputs(environment: [:]).client(iscsid: iscsid, multipath: multipath)
        return ClientTimeoutCheck().findings(context)
    }

    /// 15 s + 12 × 2 s of queueing outlasts detection (6.6 s) but not every timeout Pacemaker allows.
    @Test func labClientWorstCase() throws {
        let findings = try Self.findings(iscsid: Self.labClient + "/iscsi/iscsid.conf", multipath: Self.labClient + "/multipath.conf")
        #expect(findings.map(\.check) == ["client-timeout-worst-case"])
        #expect(findings.first?.message == "the client survives 39 s without a path (replacement_timeout 15 s + multipath queueing 24 s); a failover within the cluster's timeouts may take up to 346.6 s")
    }

    /// 5 s without multipath: gone before corosync has even noticed the loss.
    @Test func shorterThanDetection() throws {
        let findings = try Self.findings(iscsid: DoctorFixture.path("client-iscsid-5s.conf"), multipath: nil)
        #expect(findings.map(\.check) == ["client-timeout"])
        #expect(findings.first?.severity == .error)
        #expect(findings.first?.message.hasSuffix("a failover takes at least 6.6 s") == true)
    }

    @Test func queueingForeverIsNeverShort() throws {
        let findings = try Self.findings(iscsid: DoctorFixture.path("client-iscsid-5s.conf"),
                                         multipath: DoctorFixture.path("client-multipath-queue.conf"))
        #expect(findings.isEmpty)
    }

    /// Cluster B has no floating IP: its clients keep the other node's paths.
    @Test func notCheckedWithoutFloatingIPs() throws {
        #expect(try Self.findings(iscsid: DoctorFixture.path("client-iscsid-5s.conf"), multipath: nil, cib: "cluster-b.xml").isEmpty)
    }

    @Test func parsesTheLabClient() throws {
        let iscsid = try FixturePaths.read(Self.labClient + "/iscsi/iscsid.conf")
        let multipath = try FixturePaths.read(Self.labClient + "/multipath.conf")
        #expect(ClientTimeouts(iscsid: iscsid, multipath: multipath)
                == ClientTimeouts(replacementTimeoutSeconds: 15, multipathQueueSeconds: 24, queuesForever: false))
        #expect(ClientTimeouts(iscsid: "", multipath: nil).survivalSeconds == ClientTimeouts.defaultReplacementTimeout)
    }
}
