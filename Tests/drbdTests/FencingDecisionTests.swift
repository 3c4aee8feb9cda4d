import Testing
import TandemCore
import TandemTestSupport
@testable import drbd

/// When the agent touches DRBD's fencing state (unfence_if_all_uptodate, and
/// stop_outdates_secondary after a notification), decided on states captured in the storage
/// lab. The calls themselves run in lab case 33.
@Suite struct FencingDecisionTests {
    static func state(_ scenario: String, _ node: String) throws -> DRBDResource {
        try DRBDEvents2Reader.resource(
            named: "r0", from: try FixturePaths.read(FixturePaths.project("drbd-lab/\(scenario)/\(node).events2.txt")))
    }

    func event(_ timing: String, _ operation: String, _ extra: [String: String]) -> NotifyEvent? {
        var variables = ["OCF_RESKEY_CRM_meta_notify_type": timing, "OCF_RESKEY_CRM_meta_notify_operation": operation]
        for (key, value) in extra { variables["OCF_RESKEY_CRM_meta_notify_" + key] = value }
        return NotifyEvent(OCFEnvironment(variables))
    }

    @Test func unfenceOnlyAsPrimaryWithEverythingUpToDate() throws {
        #expect(DRBDAgent.mayUnfence(try Self.state("connected", "s1")))        // Primary, UpToDate/UpToDate
        #expect(!DRBDAgent.mayUnfence(try Self.state("connected", "s2")))       // Secondary
        #expect(!DRBDAgent.mayUnfence(try Self.state("disconnected", "s1")))    // peer disk DUnknown
        #expect(!DRBDAgent.mayUnfence(try Self.state("outdated-peer", "s1")))   // peer Outdated
        #expect(!DRBDAgent.mayUnfence(try Self.state("resync", "s1")))          // peer Inconsistent
    }

    @Test func aPeerStaysPromotedUnlessItStopsIsDemotedOrIsOnlyBeingPromoted() throws {
        let demoted = try #require(event("post", "demote", ["master_resource": "d:0 d:1", "master_uname": "s1 s2",
                                                            "demote_resource": "d:1", "demote_uname": "s2"]))
        #expect(PromotedPeers.peerStayingPromoted(after: demoted, localNode: "s2") == "s1")
        // The lists describe the clone before the transition: s2 was promoted and is being demoted.
        // It does not stay Primary, so s1 (disconnected while s2 demotes) must not outdate itself.
        #expect(PromotedPeers.peerStayingPromoted(after: demoted, localNode: "s1") == nil)
        let stopping = try #require(event("post", "stop", ["master_resource": "d:0", "master_uname": "s1",
                                                           "stop_resource": "d:0", "stop_uname": "s1"]))
        #expect(PromotedPeers.peerStayingPromoted(after: stopping, localNode: "s2") == nil)
        let promoting = try #require(event("post", "promote", ["promote_resource": "d:0", "promote_uname": "s1"]))
        #expect(PromotedPeers.peerStayingPromoted(after: promoting, localNode: "s2") == nil)
        let alone = try #require(event("post", "start", ["master_resource": "d:1", "master_uname": "s2"]))
        #expect(PromotedPeers.peerStayingPromoted(after: alone, localNode: "s2") == nil, "this node is not a peer")
    }
}
