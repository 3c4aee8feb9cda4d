import Testing
import TandemTestSupport
import TandemCore

/// Outputs captured from real DRBD 8.4.11 (Debian 12 kernel) driven by drbd-utils 9.22 in the
/// storage lab (`lab/capture-drbd-fixtures`, `Tests/Fixtures/drbd-lab/README.md`): both readers
/// must parse every state and agree on the model.
@Suite struct DRBDLabCaptureTests {
    /// What each node showed in each captured state.
    struct Expected: Sendable, CustomStringConvertible {
        var scenario: String
        var node: String
        var role: DRBDRole
        var peerRole: DRBDRole
        /// The connection as events2 names it (drbd-utils 9 vocabulary)…
        var events2Connection: ConnectionState
        /// …and as /proc/drbd names it (8.4 vocabulary: WFConnection).
        var procConnection: ConnectionState
        var replication: ReplicationState
        var disk: DiskState
        var peerDisk: DiskState

        var description: String { "\(scenario)/\(node)" }
    }

    static let expected: [Expected] = [
        Expected(scenario: "connected", node: "s1", role: .primary, peerRole: .secondary,
                 events2Connection: .connected, procConnection: .connected, replication: .established,
                 disk: .upToDate, peerDisk: .upToDate),
        Expected(scenario: "connected", node: "s2", role: .secondary, peerRole: .primary,
                 events2Connection: .connected, procConnection: .connected, replication: .established,
                 disk: .upToDate, peerDisk: .upToDate),
        Expected(scenario: "resync", node: "s1", role: .primary, peerRole: .secondary,
                 events2Connection: .connected, procConnection: .connected, replication: .syncSource,
                 disk: .upToDate, peerDisk: .inconsistent),
        Expected(scenario: "resync", node: "s2", role: .secondary, peerRole: .primary,
                 events2Connection: .connected, procConnection: .connected, replication: .syncTarget,
                 disk: .inconsistent, peerDisk: .upToDate),
        Expected(scenario: "disconnected", node: "s1", role: .primary, peerRole: .unknown,
                 events2Connection: .connecting, procConnection: .wfConnection, replication: .off,
                 disk: .upToDate, peerDisk: .unknown),
        Expected(scenario: "disconnected", node: "s2", role: .secondary, peerRole: .unknown,
                 events2Connection: .connecting, procConnection: .wfConnection, replication: .off,
                 disk: .upToDate, peerDisk: .unknown),
        Expected(scenario: "outdated-peer", node: "s1", role: .primary, peerRole: .unknown,
                 events2Connection: .connecting, procConnection: .wfConnection, replication: .off,
                 disk: .upToDate, peerDisk: .outdated),
        Expected(scenario: "outdated-peer", node: "s2", role: .secondary, peerRole: .unknown,
                 events2Connection: .connecting, procConnection: .wfConnection, replication: .off,
                 disk: .outdated, peerDisk: .unknown),
        Expected(scenario: "split-brain", node: "s1", role: .primary, peerRole: .unknown,
                 events2Connection: .standAlone, procConnection: .standAlone, replication: .off,
                 disk: .upToDate, peerDisk: .unknown),
        Expected(scenario: "split-brain", node: "s2", role: .secondary, peerRole: .unknown,
                 events2Connection: .standAlone, procConnection: .standAlone, replication: .off,
                 disk: .upToDate, peerDisk: .unknown),
        Expected(scenario: "diskless", node: "s1", role: .primary, peerRole: .secondary,
                 events2Connection: .connected, procConnection: .connected, replication: .established,
                 disk: .upToDate, peerDisk: .diskless),
        Expected(scenario: "diskless", node: "s2", role: .secondary, peerRole: .primary,
                 events2Connection: .connected, procConnection: .connected, replication: .established,
                 disk: .diskless, peerDisk: .upToDate),
    ]

    private func read(_ expected: Expected, _ kind: String) throws -> String {
        try FixturePaths.read(FixturePaths.project("drbd-lab/\(expected.scenario)/\(expected.node).\(kind).txt"))
    }

    @Test(arguments: expected) func events2(_ expected: Expected) throws {
        let resources = try DRBDEvents2Reader.parse(try read(expected, "events2"))
        #expect(resources.map(\.name) == ["r0"])
        let r0 = try #require(resources.first)
        #expect(r0.isConfigured && r0.role == expected.role && !r0.suspended)
        let connection = try #require(r0.connections.first)
        #expect(r0.connections.count == 1 && connection.peerNodeID == 0)
        #expect(connection.state == expected.events2Connection && connection.peerRole == expected.peerRole)
        #expect(r0.devices.map(\.disk) == [expected.disk] && r0.devices.first?.minor == 0)
        let peerDevice = try #require(connection.peerDevices.first)
        #expect(peerDevice.replication == expected.replication && peerDevice.peerDisk == expected.peerDisk)
        #expect(peerDevice.resyncSuspended.isEmpty)
    }

    @Test(arguments: expected) func procDRBD(_ expected: Expected) throws {
        let status = try DRBDProcReader.parse(try read(expected, "proc-drbd"))
        #expect(status.version == "8.4.11" && status.apiVersion == "1" && status.protocolVersions == "86-101")
        #expect(status.minors.map(\.minor) == [0] && status.unconfiguredMinors.isEmpty)
        let minor = try #require(status.minor(0))
        #expect(minor.connection == expected.procConnection && minor.replication == expected.replication)
        #expect(minor.role == expected.role && minor.peerRole == expected.peerRole)
        #expect(minor.disk == expected.disk && minor.peerDisk == expected.peerDisk)
        #expect(minor.ioFlags == "r-----" && !minor.isSuspended && minor.writeOrdering == .flush)
        // A StandAlone minor has no network protocol: the letter is left blank.
        #expect(minor.replicationProtocol == (expected.procConnection == .standAlone ? nil : "C"))
    }

    @Test(arguments: expected) func bothReadersGiveTheSameModel(_ expected: Expected) throws {
        let fromEvents = try DRBDEvents2Reader.resource(named: "r0", from: try read(expected, "events2"))
        let fromProc = try DRBDProcReader.parse(try read(expected, "proc-drbd")).resource(named: "r0", minors: [0])
        #expect(fromProc.role == fromEvents.role)
        #expect(fromProc.connections.map(\.peerRole) == fromEvents.connections.map(\.peerRole))
        #expect(fromProc.devices.map(\.disk) == fromEvents.devices.map(\.disk))
        #expect(fromProc.connections.first?.peerDevices.map(\.peerDisk)
                == fromEvents.connections.first?.peerDevices.map(\.peerDisk))
        #expect(fromProc.connections.first?.peerDevices.map(\.replication)
                == fromEvents.connections.first?.peerDevices.map(\.replication))
        for resource in [fromEvents, fromProc] {
            #expect(resource.isPrimary == (expected.role == .primary))
            #expect(resource.allLocalDisksUpToDate == (expected.disk == .upToDate))
            #expect(resource.allPeerDisksUpToDate == (expected.peerDisk == .upToDate))
            #expect(resource.anyPeerDiskUnknown == (expected.peerDisk == .unknown))
            #expect(resource.somePeerPrimary == (expected.peerRole == .primary))
        }
    }

    @Test func resyncProgressIn84() throws {
        let source = try #require(try DRBDProcReader.parse(
            try FixturePaths.read(FixturePaths.project("drbd-lab/resync/s1.proc-drbd.txt"))).minor(0))
        let sourceSync = try #require(source.sync)
        #expect(source.outOfSyncKiB == 257732 && sourceSync.donePercent == 3.2)
        #expect(sourceSync.remainingKiB == 257732 && sourceSync.totalKiB == 262100)
        #expect(sourceSync.finishSeconds == 3 * 60 + 54 && sourceSync.speedKiBPerSecond == 1092)
        #expect(sourceSync.wantKiBPerSecond == nil)

        // The SyncTarget side adds the rate it asks for ("want:"), here the throttled 1 MiB/s.
        let target = try #require(try DRBDProcReader.parse(
            try FixturePaths.read(FixturePaths.project("drbd-lab/resync/s2.proc-drbd.txt"))).minor(0))
        let targetSync = try #require(target.sync)
        #expect(target.outOfSyncKiB == 257420 && targetSync.wantKiBPerSecond == 1024)
        #expect(targetSync.finishSeconds == 3 * 60 + 34 && targetSync.speedKiBPerSecond == 1168)
    }

    @Test func standAloneAfterSplitBrainHasNoConnectionName() throws {
        // drbd-utils 9.22 on 8.4 drops the fake `conn-name:peer` once the connection is StandAlone.
        let r0 = try DRBDEvents2Reader.resource(
            named: "r0", from: try FixturePaths.read(FixturePaths.project("drbd-lab/split-brain/s1.events2.txt")))
        #expect(r0.connections.first?.name == nil && r0.connections.first?.state == .standAlone)
        let minor = try #require(try DRBDProcReader.parse(
            try FixturePaths.read(FixturePaths.project("drbd-lab/split-brain/s2.proc-drbd.txt"))).minor(0))
        #expect(minor.outOfSyncKiB == 1024)  // the 1 MiB written on s2 while apart
    }
}
