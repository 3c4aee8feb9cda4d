import Testing
import TandemCore
import TandemTestSupport
@testable import drbd

/// Found in the storage lab (power cut of the Primary): Pacemaker promotes the survivor as
/// soon as corosync lost the old Primary, while DRBD still shows the peer Primary until its
/// ping timeout. Promote must wait for DRBD then, not fail at once (the failed promote made
/// Pacemaker stop and restart the instance, which came back only Consistent: no Primary).
@Suite struct PromoteWaitTests {
    static func state(_ scenario: String, _ node: String) throws -> DRBDResource {
        try DRBDEvents2Reader.resource(
            named: "r0", from: try FixturePaths.read(FixturePaths.project("drbd-lab/\(scenario)/\(node).events2.txt")))
    }

    @Test func secondaryWaitsWhileThePeerIsStillPrimary() throws {
        let survivor = try Self.state("connected", "s2")   // Secondary, connected to the Primary s1
        #expect(survivor.somePeerPrimary)
        #expect(DRBDAgent.mustWaitForPeer(survivor, promotedMax: 1))
        #expect(!DRBDAgent.mustWaitForPeer(survivor, promotedMax: 2))   // dual-primary: promote now
    }

    @Test func noWaitOnceDRBDLostThePeer() throws {
        #expect(!DRBDAgent.mustWaitForPeer(try Self.state("disconnected", "s2"), promotedMax: 1))
        #expect(!DRBDAgent.mustWaitForPeer(try Self.state("outdated-peer", "s1"), promotedMax: 1))
        #expect(!DRBDAgent.mustWaitForPeer(try Self.state("connected", "s1"), promotedMax: 1))   // the Primary itself
    }
}
