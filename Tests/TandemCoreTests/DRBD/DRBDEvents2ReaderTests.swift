import Testing
import TandemTestSupport
import TandemCore

@Suite struct DRBDEvents2ReaderTests {
    private func shared(_ name: String) throws -> [DRBDResource] {
        try DRBDEvents2Reader.parse(try FixturePaths.read(FixturePaths.shared("drbd/" + name)))
    }

    private func handwritten(_ scenario: String) throws -> DRBDResource {
        let text = try FixturePaths.read(FixturePaths.project("drbd9/handwritten-\(scenario).events2.txt"))
        let resources = try DRBDEvents2Reader.parse(text)
        try #require(resources.count == 1)
        return resources[0]
    }

    // MARK: - Real captures (DRBD 8.4.11 kernel, drbd-utils 9.22)

    @Test func capturedEvents2() throws {
        let resources = try shared("drbdsetup-events2.txt")
        #expect(resources.count == 1)
        let r0 = try #require(resources.first)
        #expect(r0.name == "r0")
        #expect(r0.role == .primary)
        #expect(r0.suspended == false)
        #expect(r0.suspensionReasons.isEmpty)
        #expect(r0.connections.count == 1)
        let peer = try #require(r0.connection(peerNodeID: 0))
        #expect(peer.name == "peer")  // drbd-utils' fake 8.4 peer
        #expect(peer.state == .connected)
        #expect(peer.peerRole == .secondary)
        #expect(r0.devices == [DRBDDevice(volume: 0, minor: 0, disk: .upToDate)])
        #expect(peer.peerDevices == [DRBDPeerDevice(volume: 0, replication: .established, peerDisk: .upToDate)])
        #expect(r0.isPrimary && !r0.isUnconfigured && r0.allLocalDisksUpToDate && r0.allPeerDisksUpToDate)
        #expect(r0.hasQuorum && !r0.anyPeerDiskUnknown && !r0.somePeerPrimary && !r0.isDisklessClient)
    }

    @Test func capturedEvents2WithStatisticsAndTimestamps() throws {
        let r0 = try #require(try shared("drbdsetup-events2-statistics.txt").first)
        #expect(r0.role == .primary)
        #expect(r0.writeOrdering == .flush)
        #expect(r0.connections.first?.congested == false)
        let device = try #require(r0.device(volume: 0))
        #expect(device.sizeKiB == 65496)
        #expect(device.readKiB == 65496)
        #expect(device.writtenKiB == 0)
        #expect(device.activityLogWrites == 8)
        #expect(device.bitmapWrites == 0)
        #expect(device.upperPending == 0 && device.lowerPending == 0)
        #expect(device.activityLogSuspended == false)
        let peerDevice = try #require(r0.connections.first?.peerDevice(volume: 0))
        #expect(peerDevice.sentKiB == 65496)
        #expect(peerDevice.receivedKiB == 0)
        #expect(peerDevice.outOfSyncKiB == 0)
        #expect(peerDevice.pending == 0 && peerDevice.unacked == 0)
        #expect(peerDevice.sync == nil)
        // Same state as without --statistics, apart from the counters.
        let plain = try #require(try shared("drbdsetup-events2.txt").first)
        #expect(r0.role == plain.role && r0.devices.map(\.disk) == plain.devices.map(\.disk))
    }

    // MARK: - Hand-written DRBD 9 samples

    @Test func threeNodes() throws {
        let r0 = try handwritten("three-node")
        #expect(r0.role == .primary)
        #expect(r0.mayPromote == false)
        #expect(r0.promotionScore == 10102)
        #expect(r0.forceIOFailures == false)
        #expect(r0.connections.map(\.peerNodeID) == [1, 2])
        #expect(r0.connections.map(\.name) == ["alpha2", "alpha3"])
        #expect(r0.devices.map(\.minor) == [1000, 1001])
        #expect(r0.devices.map(\.backingDevice) == ["/dev/vg0/r0_0", "/dev/vg0/r0_1"])
        #expect(r0.devices.allSatisfy { $0.isOpen == true && $0.quorum == true })
        #expect(r0.connections.allSatisfy { $0.peerDevices.count == 2 })
        #expect(r0.allPeerDisksUpToDate && r0.somePeerHasAllDisksUpToDate && !r0.anyPeerDiskUnknown)
    }

    @Test func quorumLost() throws {
        let r0 = try handwritten("quorum-lost")
        #expect(r0.suspended)
        #expect(r0.suspensionReasons == [.quorum])
        #expect(r0.devices.first?.quorum == false)
        #expect(!r0.hasQuorum)
        #expect(r0.connections.allSatisfy { $0.state == .connecting && $0.peerRole == .unknown })
        #expect(r0.anyPeerDiskUnknown && !r0.allPeerDisksUpToDate)
    }

    @Test func disklessClient() throws {
        let r0 = try handwritten("diskless-client")
        #expect(r0.devices.first?.disk == .diskless)
        #expect(r0.devices.first?.isClient == true)
        #expect(r0.devices.first?.backingDevice == nil)  // backing_dev:none
        #expect(r0.isDisklessClient)
        #expect(r0.somePeerPrimary)
        #expect(r0.allPeerDisksUpToDate)
    }

    @Test func splitBrainStandAlone() throws {
        let r0 = try handwritten("split-brain")
        let peer = try #require(r0.connections.first)
        #expect(peer.state == .standAlone)
        #expect(peer.peerDevices.first?.replication == .off)
        #expect(peer.peerDevices.first?.peerDisk == .unknown)
        #expect(r0.isPrimary && r0.allLocalDisksUpToDate && r0.anyPeerDiskUnknown)
    }

    @Test func resyncSource() throws {
        let r0 = try handwritten("resync-source")
        let peer = try #require(r0.connections.first)
        #expect(peer.applicationInFlight == 0 && peer.resyncInFlight == 4096)
        let peerDevice = try #require(peer.peerDevice(volume: 0))
        #expect(peerDevice.replication == .syncSource)
        #expect(peerDevice.peerDisk == .inconsistent)
        #expect(peerDevice.sync?.donePercent == 37.5)
        #expect(peerDevice.outOfSyncKiB == 655360)
        #expect(r0.allLocalDisksUpToDate && !r0.somePeerHasAllDisksUpToDate && !r0.anyPeerDiskUnknown)
    }

    @Test func resyncTarget() throws {
        let r0 = try handwritten("resync-target")
        #expect(r0.devices.first?.disk == .inconsistent)
        let fromPrimary = try #require(r0.connection(peerNodeID: 0)?.peerDevice(volume: 0))
        #expect(fromPrimary.replication == .syncTarget)
        #expect(fromPrimary.sync?.donePercent == 62.17)
        #expect(fromPrimary.resyncSuspended.isEmpty)
        let paused = try #require(r0.connection(peerNodeID: 2)?.peerDevice(volume: 0))
        #expect(paused.replication == .pausedSyncT)
        #expect(paused.resyncSuspended == [.dependency])
        #expect(paused.sync == nil)  // no done: printed
        #expect(!r0.allLocalDisksConsistent && !r0.allLocalDisksUpToDate)
        #expect(r0.somePeerHasAllDisksUpToDate && r0.somePeerPrimary)
    }

    @Test func outdatedPeer() throws {
        let r0 = try handwritten("outdated-peer")
        #expect(r0.connections.first?.peerDevices.first?.peerDisk == .outdated)
        #expect(r0.isPrimary && r0.allLocalDisksUpToDate)
        #expect(!r0.anyPeerDiskUnknown && !r0.allPeerDisksUpToDate)
    }

    @Test func detached() throws {
        let r0 = try handwritten("detached")
        #expect(r0.devices.first?.disk == .diskless)
        #expect(r0.devices.first?.isClient == false)
        #expect(!r0.isDisklessClient && !r0.allLocalDisksConsistent && r0.somePeerHasAllDisksUpToDate)
    }

    // MARK: - Shapes

    @Test func onlyTerminatorMeansNoResources() throws {
        #expect(try DRBDEvents2Reader.parse("exists -\n").isEmpty)
        let r0 = try DRBDEvents2Reader.resource(named: "r0", from: "exists -\n")
        #expect(r0.isUnconfigured && !r0.isPrimary)
        #expect(r0 == .unconfigured(named: "r0"))
    }

    @Test func resourceNamedPicksTheResource() throws {
        let text = """
            exists resource name:a role:Secondary suspended:no
            exists resource name:b role:Primary suspended:user,no-data
            exists -
            """
        let b = try DRBDEvents2Reader.resource(named: "b", from: text)
        #expect(b.role == .primary && b.suspensionReasons == [.user, .noData])
        #expect(try DRBDEvents2Reader.parse(text).map(\.name) == ["a", "b"])
    }

    @Test func unknownKeysAndObjectsAreIgnored() throws {
        let text = """
            exists resource name:r0 role:Secondary suspended:no shiny-new-key:42
            exists gadget name:r0 whatever:1
            exists -
            """
        #expect(try DRBDEvents2Reader.parse(text).first?.role == .secondary)
    }

    @Test func crlfAndBlankLinesAreTolerated() throws {
        #expect(try DRBDEvents2Reader.parse("\nexists resource name:r0 role:Primary\r\n\nexists -\r\n").count == 1)
    }

    // MARK: - Errors

    @Test func emptyInput() {
        #expect(throws: DRBDStateError.emptyInput(.events2)) { try DRBDEvents2Reader.parse("") }
        #expect(throws: DRBDStateError.emptyInput(.events2)) { try DRBDEvents2Reader.parse(" \n\n") }
    }

    @Test func truncatedOutput() throws {
        let full = try FixturePaths.read(FixturePaths.project("drbd9/handwritten-three-node.events2.txt"))
        let cut = String(full.prefix(full.count / 2))
        let error = #expect(throws: DRBDStateError.self) { try DRBDEvents2Reader.parse(cut) }
        // Either the last half-line fails to parse, or the terminator is missing.
        switch error {
        case .truncated?, .malformedLine?, .unknownValue?, .missingField?, .invalidValue?: break
        default: Issue.record("unexpected \(String(describing: error))")
        }
        let withoutTerminator = full.replacingAll("exists -\n", with: "")
        #expect(throws: DRBDStateError.truncated(.events2, reason: "no final 'exists -' line")) {
            try DRBDEvents2Reader.parse(withoutTerminator)
        }
    }

    @Test func garbage() {
        let error = #expect(throws: DRBDStateError.self) { try DRBDEvents2Reader.parse("hello world\n") }
        #expect(error == .malformedLine(.events2, line: 1, text: "hello world", reason: "unknown event 'hello'"))
        #expect(throws: DRBDStateError.self) { try DRBDEvents2Reader.parse("\u{0}\u{1}\u{ff}") }
        #expect(throws: DRBDStateError.self) { try DRBDEvents2Reader.parse("exists resource name:r0 role\nexists -") }
        #expect(throws: DRBDStateError.self) { try DRBDEvents2Reader.parse("exists\nexists -") }
        #expect(throws: DRBDStateError.self) { try DRBDEvents2Reader.parse("exists resource role:Primary\nexists -") }
        #expect(throws: DRBDStateError.self) { try DRBDEvents2Reader.parse("exists - name:r0\n") }
    }

    /// A word of a newer DRBD must not fail every monitor on every node: the role (which is
    /// what a monitor reports) parses, the word is noted for a warning and the score rules.
    @Test func unknownStateWordIsNotedAndAnUnknownRoleIsATypedError() throws {
        let text = "exists resource name:r0 role:Primary\nexists connection name:r0 peer-node-id:1 connection:Dancing "
            + "role:Secondary\nexists device name:r0 volume:0 minor:0 disk:Sparkling\n"
            + "exists peer-device name:r0 peer-node-id:1 volume:0 replication:Hovering peer-disk:UpToDate\nexists -\n"
        let resource = try #require(try DRBDEvents2Reader.parse(text).first)
        #expect(resource.isPrimary)
        #expect(resource.unrecognizedWords == ["connection state 'Dancing' for connection (line 2)",
                                               "disk state 'Sparkling' for disk (line 3)",
                                               "replication state 'Hovering' for replication (line 4)"])
        #expect(resource.devices.first?.disk == .unknown, "a placeholder that answers no score question with yes")
        #expect(try DRBDEvents2Reader.parse("exists resource name:r0 role:Primary\nexists -\n").first?.unrecognizedWords == [])
        #expect(throws: DRBDStateError.unknownValue(at: .line(1), key: "role", value: "Master", vocabulary: "role")) {
            try DRBDEvents2Reader.parse("exists resource name:r0 role:Master\nexists -\n")
        }
    }

    @Test func badValues() {
        #expect(throws: DRBDStateError.invalidValue(at: .line(2), key: "volume", value: "x", expected: "a non-negative integer")) {
            try DRBDEvents2Reader.parse("exists resource name:r0 role:Primary\nexists device name:r0 volume:x disk:UpToDate\nexists -")
        }
        #expect(throws: DRBDStateError.unknownValue(at: .line(1), key: "suspended", value: "",
                                                    vocabulary: "suspension reason")) {
            try DRBDEvents2Reader.parse("exists resource name:r0 role:Primary suspended:\nexists -")
        }
        #expect(throws: DRBDStateError.missingField(at: .line(2), key: "disk")) {
            try DRBDEvents2Reader.parse("exists resource name:r0 role:Primary\nexists device name:r0 volume:0\nexists -")
        }
        #expect(throws: DRBDStateError.invalidValue(at: .line(2), key: "client", value: "maybe", expected: "yes or no")) {
            try DRBDEvents2Reader.parse("exists resource name:r0 role:Primary\nexists device name:r0 volume:0 disk:Diskless client:maybe\nexists -")
        }
    }

    @Test func contradictions() {
        #expect(throws: DRBDStateError.inconsistent(at: .line(1), reason: "device of unknown resource 'r0'")) {
            try DRBDEvents2Reader.parse("exists device name:r0 volume:0 disk:UpToDate\nexists -")
        }
        let duplicate = "exists resource name:r0 role:Primary\nexists resource name:r0 role:Primary\nexists -"
        #expect(throws: DRBDStateError.inconsistent(at: .line(2), reason: "exists resource r0, which already exists")) {
            try DRBDEvents2Reader.parse(duplicate)
        }
        let orphan = "exists resource name:r0 role:Primary\n"
            + "exists peer-device name:r0 peer-node-id:1 volume:0 replication:Off peer-disk:DUnknown\nexists -"
        #expect(throws: DRBDStateError.inconsistent(at: .line(2), reason: "peer-device of unknown connection r0 peer 1")) {
            try DRBDEvents2Reader.parse(orphan)
        }
    }

    @Test func nowOutputOnlyHasExistsLines() {
        #expect(throws: DRBDStateError.malformedLine(.events2, line: 1, text: "change resource name:r0 role:Primary",
                                                     reason: "expected 'exists' (events2 --now)")) {
            try DRBDEvents2Reader.parse("change resource name:r0 role:Primary\nexists -")
        }
        #expect(throws: DRBDStateError.malformedLine(.events2, line: 2, text: "exists resource name:r0 role:Primary",
                                                     reason: "output after 'exists -'")) {
            try DRBDEvents2Reader.parse("exists -\nexists resource name:r0 role:Primary")
        }
    }

    @Test func errorsDescribeThemselves() {
        let error = DRBDStateError.unknownValue(at: .line(2), key: "disk", value: "Sparkling", vocabulary: "disk state")
        #expect(error.description == "DRBD state: line 2: unknown disk state 'Sparkling' for disk")
        #expect(DRBDStateError.emptyInput(.events2).description == "drbdsetup events2: empty output")
    }
}
