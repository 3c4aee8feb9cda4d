import Foundation
import Glibc
import Testing
import TandemCore
import TandemTestSupport
@testable import drbd

/// The /proc/drbd source against events2, on what real DRBD 8.4.11 showed in the storage lab
/// (`Tests/Fixtures/drbd-lab`): each captured /proc/drbd, read through `DRBDControl.state()`
/// (a test double: the module's /proc/drbd path points at the capture, the minors come from
/// the real `drbdadm sh-minor`), must lead the agent to the same role, monitor result and
/// promotion-score decision as the events2 capture of the same state on the same node.
@Suite struct DRBDControlProcDRBDTests {
    struct Capture: Sendable, CustomStringConvertible {
        let scenario: String
        let node: String
        var description: String { "\(scenario)/\(node)" }
    }

    /// Every /proc/drbd capture with an events2 capture beside it (all of them today).
    static let captures: [Capture] = {
        let root = FixturePaths.project("drbd-lab")
        let manager = FileManager.default
        let scenarios = ((try? manager.contentsOfDirectory(atPath: root)) ?? []).sorted()
        return scenarios.flatMap { scenario in
            ((try? manager.contentsOfDirectory(atPath: root + "/" + scenario)) ?? []).sorted()
                .filter { $0.hasSuffix(".proc-drbd.txt") }
                .map { Capture(scenario: scenario, node: String($0.dropLast(".proc-drbd.txt".count))) }
                .filter { manager.fileExists(atPath: "\(root)/\($0.scenario)/\($0.node).events2.txt") }
        }
    }()

    static let policies: [PromotionScorePolicy] = [
        PromotionScorePolicy(levels: .standard, peerPrimary: .never),
        PromotionScorePolicy(levels: .standard, peerPrimary: .always),
        PromotionScorePolicy(levels: .standard, peerPrimary: .unexpected),
        PromotionScorePolicy(levels: ScoreLevels(consistent: 5, peerUpToDate: 50, upToDatePeerUnknown: 500, best: 5000),
                             peerPrimary: .never),
    ]

    @Test func everyScenarioOfTheLabIsCovered() {
        #expect(Self.captures.count >= 12, "six states on two nodes: \(Self.captures)")
    }

    @Test(arguments: captures) func sameDecisionsAsEvents2(_ capture: Capture) throws {
        let events = try DRBDEvents2Reader.resource(
            named: "r0", from: try FixturePaths.read(FixturePaths.project("drbd-lab/\(capture).events2.txt")))
        let scratch = try DRBDControlTests.Scratch()
        let proc = try scratch.control(capture: capture.description).state()

        #expect(proc.isConfigured && proc.role == events.role)
        #expect(DRBDAgent.observedRole(of: proc).monitorResult == DRBDAgent.observedRole(of: events).monitorResult)
        #expect(DRBDAgent.observedRole(of: proc).monitorResult == (events.role == .primary ? .runningPromoted : .success))
        for policy in Self.policies {
            for pacemakerKnows in [true, false] {
                #expect(policy.decide(for: proc, pacemakerKnowsAPromotedInstance: { pacemakerKnows })
                        == policy.decide(for: events, pacemakerKnowsAPromotedInstance: { pacemakerKnows }),
                        "\(policy.levels) \(policy.peerPrimary) knows=\(pacemakerKnows)")
            }
        }
        // What start, promote and notify look at besides the flags above.
        #expect(DRBDAgent.mustWaitForPeer(proc, promotedMax: 1) == DRBDAgent.mustWaitForPeer(events, promotedMax: 1))
        #expect(proc.connections.map(\.state.isConnected) == events.connections.map(\.state.isConnected))
    }

    /// The models are equal but for what the two sources legitimately say differently.
    @Test(arguments: captures) func sameModelAsEvents2ButForDocumentedDifferences(_ capture: Capture) throws {
        let events = try DRBDEvents2Reader.resource(
            named: "r0", from: try FixturePaths.read(FixturePaths.project("drbd-lab/\(capture).events2.txt")))
        let scratch = try DRBDControlTests.Scratch()
        var proc = Self.withoutStatistics(try scratch.control(capture: capture.description).state())
        let eventsConnection = try #require(events.connections.first)
        let procConnection = try #require(proc.connections.first)
        // 1. DRBD 8.4's waiting connection: events2 (drbd-utils 9) says Connecting, /proc/drbd
        //    WFConnection. Neither is connected, which is all the agent asks.
        if eventsConnection.state == .connecting {
            #expect(procConnection.state == .wfConnection)
            proc.connections[0].state = .connecting
        }
        // 2. A StandAlone connection loses drbd-utils 9's fake `conn-name:peer` in events2;
        //    the /proc/drbd reader always names the single 8.4 peer "peer".
        #expect(procConnection.name == DRBDProcStatus.legacyConnectionName)
        if eventsConnection.state == .standAlone {
            #expect(eventsConnection.name == nil)
            proc.connections[0].name = nil
        }
        #expect(proc == events)
    }

    /// /proc/drbd also carries counters, write ordering and resync progress, which events2
    /// without --statistics does not report.
    static func withoutStatistics(_ state: DRBDResource) -> DRBDResource {
        var plain = state
        plain.writeOrdering = nil
        plain.devices = state.devices.map {
            DRBDDevice(volume: $0.volume, minor: $0.minor, disk: $0.disk, isClient: $0.isClient, quorum: $0.quorum)
        }
        for index in plain.connections.indices {
            plain.connections[index].peerDevices = state.connections[index].peerDevices.map {
                DRBDPeerDevice(volume: $0.volume, replication: $0.replication, peerDisk: $0.peerDisk,
                               peerClient: $0.peerClient, resyncSuspended: $0.resyncSuspended)
            }
        }
        return plain
    }

    // MARK: - The minors cache

    @Test func missingCacheIsFilledFromShMinor() throws {
        let scratch = try DRBDControlTests.Scratch()
        #expect(DRBDMinors.load(scratch.minorsCache, resource: "r2") == nil)
        let control = scratch.control("r2")
        #expect(try control.minors() == DRBDMinors(resource: "r2", minors: [3, 7]))
        #expect(try FixturePaths.read(scratch.minorsCache) == "r2 3 7\n")
    }

    /// A recurring monitor trusts the cache, even a stale one; start, reload, validate-all and
    /// probes (`.always`) replace it with what the configuration says now.
    @Test func staleCacheIsUsedUntilARefreshingAction() throws {
        let scratch = try DRBDControlTests.Scratch()
        try DRBDMinors(resource: "r0", minors: [5]).save(scratch.minorsCache)
        #expect(try !scratch.control(refresh: .whenMissing).state().isConfigured)
        let refreshed = try scratch.control(refresh: .always).state()
        #expect(refreshed.isPrimary)
        #expect(DRBDMinors.load(scratch.minorsCache, resource: "r0") == DRBDMinors(resource: "r0", minors: [0]))
    }

    /// start and promote poll the state: the minors are learned once per invocation.
    @Test func minorsAreLookedUpOncePerInvocation() throws {
        let scratch = try DRBDControlTests.Scratch()
        let configuration = scratch.directory + "/moving.conf"
        #expect(rename(scratch.configuration, configuration) == 0)
        let control = scratch.control(refresh: .always, configuration: configuration)
        #expect(try control.state().isPrimary)
        #expect(unlink(configuration) == 0 && unlink(scratch.minorsCache) == 0)
        #expect(try control.state().isPrimary, "a second sh-minor would have failed")
    }

    @Test func failedShMinorFallsBackToTheCacheOrFails() throws {
        let scratch = try DRBDControlTests.Scratch()
        let missing = scratch.directory + "/missing.conf"
        #expect(throws: DRBDMinors.LookupFailure.self) {
            try scratch.control(refresh: .always, configuration: missing).state()
        }
        try DRBDMinors(resource: "r0", minors: [0]).save(scratch.minorsCache)
        #expect(try scratch.control(refresh: .always, configuration: missing).state().isPrimary)
        #expect(!DRBDControlTests.logLines(containing: "cannot find the minors of r0 (drbdadm sh-minor)").isEmpty)
    }
}
