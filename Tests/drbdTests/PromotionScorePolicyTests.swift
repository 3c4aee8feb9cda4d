import Testing
import TandemCore
import TandemTestSupport
@testable import drbd

@Suite struct PromotionScorePolicyTests {
    let standard = PromotionScorePolicy(levels: .standard, peerPrimary: .never)

    static func state(_ path: String) throws -> DRBDResource {
        try DRBDEvents2Reader.resource(named: "r0", from: try FixturePaths.read(path))
    }

    /// Every captured and hand-written events2 sample, with the score the linbit rules give.
    @Test(arguments: [
        ("shared:drbd/drbdsetup-events2.txt", ScoreDecision.set(10000)),          // Primary, peer UpToDate
        ("shared:drbd/drbdsetup-events2-statistics.txt", .set(10000)),
        ("drbd9/handwritten-three-node.events2.txt", .set(10000)),
        ("drbd9/handwritten-outdated-peer.events2.txt", .set(10000)),           // Primary, peer Outdated
        ("drbd9/handwritten-split-brain.events2.txt", .set(10000)),             // Primary, StandAlone
        ("drbd9/handwritten-resync-source.events2.txt", .set(10000)),
        ("drbd9/handwritten-resync-target.events2.txt", .set(10)),              // only peers UpToDate
        ("drbd9/handwritten-detached.events2.txt", .set(10)),                   // Diskless after detach
        ("drbd9/handwritten-diskless-client.events2.txt", .set(9999)),          // client, all peers UpToDate
        ("drbd9/handwritten-quorum-lost.events2.txt", .remove),
    ])
    func fixtures(path: String, expected: ScoreDecision) throws {
        let file = path.hasPrefix("shared:") ? FixturePaths.shared(String(path.dropFirst(7))) : FixturePaths.project(path)
        #expect(standard.decide(for: try Self.state(file)) == expected)
    }

    static func resource(role: DRBDRole = .secondary, disk: DiskState, peerDisk: DiskState,
                         connection: ConnectionState = .connected, peerRole: DRBDRole = .secondary,
                         client: Bool = false, quorum: Bool? = nil) -> DRBDResource {
        let peer = DRBDConnection(peerNodeID: 1, state: connection, peerRole: peerRole,
                                  peerDevices: [DRBDPeerDevice(volume: 0, replication: .established, peerDisk: peerDisk)])
        return DRBDResource(name: "r0", role: role, connections: [peer],
                            devices: [DRBDDevice(volume: 0, minor: 0, disk: disk, isClient: client, quorum: quorum)])
    }

    @Test func secondaryUpToDateDependsOnWhetherThePeerIsKnown() {
        #expect(standard.decide(for: Self.resource(disk: .upToDate, peerDisk: .upToDate)) == .set(10000))
        #expect(standard.decide(for: Self.resource(disk: .upToDate, peerDisk: .unknown, connection: .standAlone)) == .set(1000))
        #expect(standard.decide(for: Self.resource(disk: .upToDate, peerDisk: .inconsistent)) == .set(10000))
    }

    @Test func weakerDataScoresLowerOrNothing() {
        #expect(standard.decide(for: Self.resource(disk: .outdated, peerDisk: .upToDate)) == .set(10))
        #expect(standard.decide(for: Self.resource(disk: .consistent, peerDisk: .unknown)) == .remove, "0 means no score")
        let custom = PromotionScorePolicy(levels: ScoreLevels(consistent: 5, peerUpToDate: 10, upToDatePeerUnknown: 1000,
                                                              best: 10000), peerPrimary: .never)
        #expect(custom.decide(for: Self.resource(disk: .consistent, peerDisk: .unknown)) == .set(5))
        #expect(standard.decide(for: Self.resource(disk: .outdated, peerDisk: .unknown)) == .remove)
        #expect(standard.decide(for: Self.resource(disk: .inconsistent, peerDisk: .inconsistent)) == .remove)
        #expect(standard.decide(for: Self.resource(disk: .attaching, peerDisk: .unknown)) == .unchanged)
        #expect(standard.decide(for: Self.resource(disk: .negotiating, peerDisk: .unknown)) == .unchanged)
        #expect(standard.decide(for: .unconfigured(named: "r0")) == .remove)
        #expect(standard.decide(for: Self.resource(disk: .upToDate, peerDisk: .upToDate, quorum: false)) == .remove)
    }

    @Test func disklessClientFollowsItsPeers() {
        #expect(standard.decide(for: Self.resource(disk: .diskless, peerDisk: .upToDate, client: true)) == .set(9999))
        #expect(standard.decide(for: Self.resource(disk: .diskless, peerDisk: .unknown, client: true)) == .remove)
    }

    @Test func peerPrimaryPolicy() {
        let peerIsPrimary = Self.resource(disk: .upToDate, peerDisk: .upToDate, peerRole: .primary)
        #expect(standard.decide(for: peerIsPrimary) == .set(10000))
        let always = PromotionScorePolicy(levels: .standard, peerPrimary: .always)
        #expect(always.decide(for: peerIsPrimary) == .remove)
        let unexpected = PromotionScorePolicy(levels: .standard, peerPrimary: .unexpected)
        #expect(unexpected.decide(for: peerIsPrimary, pacemakerKnowsAPromotedInstance: { true }) == .set(10000))
        #expect(unexpected.decide(for: peerIsPrimary, pacemakerKnowsAPromotedInstance: { false }) == .remove)
        var asked = false
        _ = unexpected.decide(for: Self.resource(disk: .upToDate, peerDisk: .upToDate),
                              pacemakerKnowsAPromotedInstance: { asked = true; return true })
        #expect(!asked, "crm_mon is asked only when a peer is Primary")
    }

    @Test(arguments: [("0 10 1000 10000", true), ("5 5 5 5", true), ("  1\t2 3 4 ", true),
                      ("0 10 1000", false), ("0 10 1000 10000 5", false), ("10 0 1000 10000", false),
                      ("a b c d", false), ("0 10 1000 1e4", false), ("", false)])
    func scoreLevelsParsing(text: String, valid: Bool) {
        #expect((ScoreLevels(parsing: text) != nil) == valid)
    }
}
