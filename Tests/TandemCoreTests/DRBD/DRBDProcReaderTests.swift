import Testing
import TandemTestSupport
import TandemCore

@Suite struct DRBDProcReaderTests {
    private func handwritten(_ name: String) throws -> DRBDProcStatus {
        try DRBDProcReader.parse(try FixturePaths.read(FixturePaths.project("drbd84/handwritten-\(name).txt")))
    }

    @Test func capturedProcDRBD84() throws {
        let status = try DRBDProcReader.parse(try FixturePaths.read(FixturePaths.shared("drbd/proc-drbd.txt")))
        #expect(status.version == "8.4.11" && status.apiVersion == "1" && status.protocolVersions == "86-101")
        #expect(status.majorVersion == 8 && !status.isDRBD9OrLater)
        #expect(status.unconfiguredMinors.isEmpty)
        let minor = try #require(status.minor(0))
        #expect(minor.connection == .connected && minor.replication == .established)
        #expect(minor.role == .primary && minor.peerRole == .secondary)
        #expect(minor.disk == .upToDate && minor.peerDisk == .upToDate)
        #expect(minor.replicationProtocol == "C" && minor.ioFlags == "r-----" && !minor.isSuspended)
        #expect(minor.networkSendKiB == 65496 && minor.networkReceiveKiB == 0)
        #expect(minor.diskWriteKiB == 0 && minor.diskReadKiB == 65496)
        #expect(minor.activityLogUpdates == 8 && minor.bitmapUpdates == 0 && minor.localPending == 0)
        #expect(minor.pending == 0 && minor.unacked == 0 && minor.applicationPending == 0 && minor.epochs == 1)
        #expect(minor.writeOrdering == .flush && minor.outOfSyncKiB == 0 && minor.sync == nil)

        let r0 = status.resource(named: "r0", minors: [0])
        #expect(r0.isPrimary && r0.allLocalDisksUpToDate && r0.allPeerDisksUpToDate && r0.hasQuorum)
        #expect(r0.connections.first?.peerNodeID == 0 && r0.connections.first?.name == "peer")
        #expect(r0.devices.first?.readKiB == 65496)
        #expect(r0.connections.first?.peerDevices.first?.sentKiB == 65496)
    }

    @Test func versionAloneFromTheFirstLine() throws {
        let captured = try FixturePaths.read(FixturePaths.shared("drbd/proc-drbd.txt"))
        #expect(DRBDProcReader.version(in: captured) == "8.4.11")
        #expect(DRBDProcReader.version(in: String(captured.prefix(40))) == "8.4.11", "the first 256 bytes are enough")
        #expect(DRBDProcReader.version(in: " 0: cs:Connected ro:Primary/Secondary") == nil)
        #expect(DRBDProcReader.version(in: "") == nil)
    }

    @Test func sameModelAsEvents2ForTheSameNode() throws {
        // proc-drbd.txt and drbdsetup-events2.txt were captured from the same 8.4 node.
        let fromProc = try DRBDProcReader.parse(try FixturePaths.read(FixturePaths.shared("drbd/proc-drbd.txt")))
            .resource(named: "r0", minors: [0])
        let fromEvents = try DRBDEvents2Reader.resource(
            named: "r0", from: try FixturePaths.read(FixturePaths.shared("drbd/drbdsetup-events2.txt")))
        #expect(fromProc.role == fromEvents.role)
        #expect(fromProc.connections.map(\.state) == fromEvents.connections.map(\.state))
        #expect(fromProc.connections.map(\.peerRole) == fromEvents.connections.map(\.peerRole))
        #expect(fromProc.devices.map(\.disk) == fromEvents.devices.map(\.disk))
        #expect(fromProc.connections.first?.peerDevices.map(\.peerDisk)
                == fromEvents.connections.first?.peerDevices.map(\.peerDisk))
    }

    @Test func resync84() throws {
        let status = try handwritten("proc-84-resync")
        #expect(status.unconfiguredMinors == [2])
        let source = try #require(status.minor(0))
        #expect(source.connection == .connected && source.replication == .syncSource)
        #expect(source.peerDisk == .inconsistent && source.outOfSyncKiB == 2638812)
        let sync = try #require(source.sync)
        #expect(sync.donePercent == 37.2)
        #expect(sync.remainingKiB == 2576 * 1024 && sync.totalKiB == 4096 * 1024)
        #expect(sync.finishSeconds == 47 && sync.speedKiBPerSecond == 54736 && sync.wantKiBPerSecond == 102400)
        let paused = try #require(status.minor(1))
        #expect(paused.replication == .pausedSyncS && paused.ioFlags == "r--u--")
        #expect(paused.sync?.donePercent == 0 && paused.sync?.finishSeconds == 2 * 3600 + 54 * 60 + 45)

        let r0 = status.resource(named: "r0", minors: [0, 1])
        #expect(r0.devices.map(\.volume) == [0, 1] && r0.devices.map(\.minor) == [0, 1])
        #expect(r0.connections.first?.peerDevices.map(\.replication) == [.syncSource, .pausedSyncS])
        #expect(r0.connections.first?.peerDevices.first?.sync?.donePercent == 37.2)
        #expect(r0.isPrimary && r0.allLocalDisksUpToDate && !r0.somePeerHasAllDisksUpToDate)
    }

    @Test func halfConfiguredResourceIsNotUpToDate() throws {
        let status = try handwritten("proc-84-resync")
        let r1 = status.resource(named: "r1", minors: [0, 2])  // minor 2 is Unconfigured
        #expect(r1.devices.map(\.disk) == [.upToDate, .diskless])
        #expect(!r1.allLocalDisksUpToDate && !r1.allLocalDisksConsistent && !r1.isUnconfigured)
        #expect(status.resource(named: "r2", minors: [2]).isUnconfigured)
        #expect(status.resource(named: "r3", minors: [7]).isUnconfigured)
        #expect(status.resource(named: "r4", minors: []).isUnconfigured)
    }

    @Test func standAlone84() throws {
        let status = try handwritten("proc-84-standalone")
        let standAlone = try #require(status.minor(0))
        #expect(standAlone.connection == .standAlone && standAlone.replication == .off)
        #expect(standAlone.peerRole == .unknown && standAlone.peerDisk == .unknown)
        #expect(standAlone.replicationProtocol == nil && standAlone.outOfSyncKiB == 4096)
        let waiting = try #require(status.minor(1))
        #expect(waiting.connection == .wfConnection && waiting.disk == .outdated && waiting.writeOrdering == .drain)

        let r0 = status.resource(named: "r0", minors: [0])
        #expect(r0.isPrimary && r0.allLocalDisksUpToDate && r0.anyPeerDiskUnknown && !r0.allPeerDisksUpToDate)
        let r1 = status.resource(named: "r1", minors: [1])
        #expect(!r1.isPrimary && !r1.allLocalDisksConsistent && r1.anyPeerDiskUnknown)
    }

    @Test func drbd83() throws {
        let status = try handwritten("proc-83")
        #expect(status.version == "8.3.16" && status.apiVersion == "88")
        let target = try #require(status.minor(0))
        #expect(target.replication == .syncTarget && target.disk == .inconsistent && target.role == .secondary)
        #expect(target.ioFlags == "r----" && target.writeOrdering == .bioBarrier)
        #expect(target.sync?.donePercent == 12.3)
        #expect(target.sync?.remainingKiB == 86208 && target.sync?.totalKiB == 98304)
        #expect(target.sync?.finishSeconds == 58 && target.sync?.speedKiBPerSecond == 1508)
        #expect(target.sync?.wantKiBPerSecond == nil)
        let suspended = try #require(status.minor(1))
        #expect(suspended.isSuspended && suspended.replicationProtocol == "B")
        #expect(suspended.networkSendKiB == 64363752)
        #expect(status.resource(named: "r1", minors: [1]).suspended)
        #expect(status.resource(named: "r0", minors: [0]).somePeerPrimary)
    }

    @Test func drbd9HasOnlyVersionLines() throws {
        let status = try handwritten("proc-drbd9")
        #expect(status.version == "9.2.8" && status.apiVersion == "2" && status.isDRBD9OrLater)
        #expect(status.minors.isEmpty && status.unconfiguredMinors.isEmpty)
    }

    @Test func oldStSpelling() throws {
        let status = try DRBDProcReader.parse("version: 8.0.16 (api:86/proto:86)\n 0: cs:Connected st:Secondary/Primary ds:UpToDate/UpToDate C r---\n")
        #expect(status.minor(0)?.role == .secondary && status.minor(0)?.peerRole == .primary)
    }

    // MARK: - Errors

    @Test func emptyInput() {
        #expect(throws: DRBDStateError.emptyInput(.procDRBD)) { try DRBDProcReader.parse("") }
        #expect(throws: DRBDStateError.emptyInput(.procDRBD)) { try DRBDProcReader.parse("\n  \n") }
    }

    @Test func garbage() {
        #expect(throws: DRBDStateError.malformedLine(.procDRBD, line: 1, text: "hello", reason: "expected 'version:' first")) {
            try DRBDProcReader.parse("hello\n")
        }
        #expect(throws: DRBDStateError.malformedLine(.procDRBD, line: 2, text: "nonsense here", reason: "unexpected line")) {
            try DRBDProcReader.parse("version: 8.4.11 (api:1/proto:86-101)\nnonsense here\n")
        }
        #expect(throws: DRBDStateError.self) { try DRBDProcReader.parse("version: 8.4.11\n    ns:0 nr:0\n") }
        #expect(throws: DRBDStateError.self) { try DRBDProcReader.parse("version: 8.4.11\n 0: cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate C r----- ???\n") }
        #expect(throws: DRBDStateError.self) { try DRBDProcReader.parse("\u{0}\u{ff}garbage") }
    }

    @Test func truncatedMinorLines() throws {
        let head = "version: 8.4.11 (api:1/proto:86-101)\n"
        #expect(throws: DRBDStateError.unknownValue(at: .line(2), key: "ro", value: "Secon", vocabulary: "role")) {
            try DRBDProcReader.parse(head + " 0: cs:Connected ro:Primary/Secon")
        }
        #expect(throws: DRBDStateError.missingField(at: .line(2), key: "ro")) {
            try DRBDProcReader.parse(head + " 0: cs:Connected")
        }
        #expect(throws: DRBDStateError.missingField(at: .line(2), key: "ro")) {
            try DRBDProcReader.parse(head + " 0: cs:Conn")
        }
        // A connection or disk word of a newer DRBD is noted; the role still decides.
        let newer = try DRBDProcReader.parse(head + " 0: cs:Hovering ro:Secondary/Primary ds:Shiny/UpToDate C r-----")
        #expect(newer.resource(named: "r0", minors: [0]).unrecognizedWords
                == ["connection state 'Hovering' for cs (line 2)", "disk state 'Shiny' for ds (line 2)"])
        #expect(newer.resource(named: "r0", minors: [0]).role == .secondary)
        #expect(throws: DRBDStateError.invalidValue(at: .line(2), key: "ds", value: "UpToDate", expected: "local/peer")) {
            try DRBDProcReader.parse(head + " 0: cs:Connected ro:Primary/Secondary ds:UpToDate")
        }
        #expect(throws: DRBDStateError.invalidValue(at: .line(3), key: "oos", value: "", expected: "a non-negative integer")) {
            try DRBDProcReader.parse(head + " 0: cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate C r-----\n    ns:0 oos:")
        }
        #expect(throws: DRBDStateError.missingField(at: .line(2), key: "cs")) {
            try DRBDProcReader.parse(head + " 0: ")
        }
    }

    @Test func detailsUnderAnUnconfiguredMinorAreAnError() {
        let text = "version: 8.4.11 (api:1/proto:86-101)\n 0: cs:Unconfigured\n    ns:0 nr:0\n"
        #expect(throws: DRBDStateError.malformedLine(.procDRBD, line: 3, text: "ns:0 nr:0",
                                                     reason: "indented line outside a configured minor")) {
            try DRBDProcReader.parse(text)
        }
    }
}
