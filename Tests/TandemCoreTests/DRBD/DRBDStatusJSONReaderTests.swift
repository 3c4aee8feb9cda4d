import Testing
import TandemTestSupport
import TandemCore

@Suite struct DRBDStatusJSONReaderTests {
    static let scenarios = ["three-node", "quorum-lost", "diskless-client", "split-brain", "resync-source",
                            "resync-target", "outdated-peer", "detached"]

    private func handwritten(_ scenario: String) throws -> DRBDResource {
        let text = try FixturePaths.read(FixturePaths.project("drbd9/handwritten-\(scenario).status.json"))
        let resources = try DRBDStatusJSONReader.parse(text)
        try #require(resources.count == 1)
        return resources[0]
    }

    /// The state words and flags, which both formats must agree on.
    private struct Digest: Equatable {
        let role: DRBDRole
        let suspensionReasons: Set<DRBDSuspensionReason>
        let connections: [String]
        let devices: [String]
        let flags: [Bool]

        init(_ r: DRBDResource) {
            role = r.role
            suspensionReasons = r.suspensionReasons
            connections = r.connections.map { c in
                "\(c.peerNodeID) \(c.name ?? "-") \(c.state) \(c.peerRole) " + c.peerDevices.map {
                    "[\($0.volume) \($0.replication) \($0.peerDisk) \($0.peerClient) \($0.resyncSuspended.map(\.rawValue).sorted())]"
                }.joined()
            }
            devices = r.devices.map { "\($0.volume) \($0.minor ?? -1) \($0.disk) \($0.isClient) \(String(describing: $0.quorum))" }
            flags = [r.isPrimary, r.isUnconfigured, r.somePeerPrimary, r.allLocalDisksUpToDate, r.allLocalDisksConsistent,
                     r.isTransitional, r.allPeerDisksUpToDate, r.anyPeerDiskUnknown, r.somePeerHasAllDisksUpToDate,
                     r.isDisklessClient, r.hasQuorum]
        }
    }

    @Test(arguments: scenarios)
    func jsonAndEvents2Agree(scenario: String) throws {
        let json = try handwritten(scenario)
        let events = try DRBDEvents2Reader.parse(
            try FixturePaths.read(FixturePaths.project("drbd9/handwritten-\(scenario).events2.txt")))
        #expect(Digest(json) == Digest(try #require(events.first)))
    }

    @Test func threeNodes() throws {
        let r0 = try handwritten("three-node")
        #expect(r0.name == "r0" && r0.nodeID == 0 && r0.role == .primary)
        #expect(!r0.suspended && r0.writeOrdering == .flush && r0.forceIOFailures == false)
        #expect(r0.devices.map(\.sizeKiB) == [1048576, 1048576])
        #expect(r0.connections.map(\.name) == ["alpha2", "alpha3"])
        #expect(r0.connections.allSatisfy { $0.congested == false && $0.applicationInFlight == 0 })
        #expect(r0.connections.flatMap(\.peerDevices).allSatisfy { $0.percentInSync == 100 && $0.sync == nil })
        #expect(r0.isPrimary && r0.allPeerDisksUpToDate)
    }

    @Test func quorumLost() throws {
        let r0 = try handwritten("quorum-lost")
        #expect(r0.suspended && r0.suspensionReasons == [.quorum])
        #expect(!r0.hasQuorum)
    }

    @Test func disklessClient() throws {
        let r0 = try handwritten("diskless-client")
        #expect(r0.nodeID == 2)
        #expect(r0.isDisklessClient && r0.somePeerPrimary)
    }

    @Test func resyncSourceWithDetails() throws {
        let peerDevice = try #require(try handwritten("resync-source").connections.first?.peerDevice(volume: 0))
        #expect(peerDevice.replication == .syncSource && peerDevice.peerDisk == .inconsistent)
        let sync = try #require(peerDevice.sync)
        #expect(sync.total == 2097152)
        #expect(sync.elapsedMilliseconds == 12000 && sync.pausedMilliseconds == 0)
        #expect(sync.failed == 0 && sync.sameChecksum == 0 && sync.verifyLeft == nil)
        #expect(sync.wantKiBPerSecond == 102400)
        #expect(sync.donePercent == 37.5)  // (rs-total − 2·out-of-sync) / rs-total
        #expect(peerDevice.percentInSync == 37.5)
    }

    @Test func resyncTargetWithoutDetails() throws {
        let r0 = try handwritten("resync-target")
        let syncing = try #require(r0.connection(peerNodeID: 0)?.peerDevice(volume: 0))
        #expect(syncing.replication == .syncTarget)
        #expect(syncing.sync?.donePercent == 62.17)  // percent-in-sync stands in for done
        let paused = try #require(r0.connection(peerNodeID: 2)?.peerDevice(volume: 0))
        #expect(paused.replication == .pausedSyncT && paused.resyncSuspended == [.dependency])
    }

    @Test func splitBrainOutdatedDetached() throws {
        #expect(try handwritten("split-brain").connections.first?.state == .standAlone)
        #expect(try handwritten("outdated-peer").connections.first?.peerDevices.first?.peerDisk == .outdated)
        let detached = try handwritten("detached")
        #expect(detached.devices.first?.disk == .diskless && detached.devices.first?.isClient == false)
    }

    @Test func emptyArrayAndResourceLookup() throws {
        #expect(try DRBDStatusJSONReader.parse("[\n]\n").isEmpty)
        #expect(try DRBDStatusJSONReader.resource(named: "r0", from: "[]") == .unconfigured(named: "r0"))
        let text = try FixturePaths.read(FixturePaths.project("drbd9/handwritten-three-node.status.json"))
        #expect(try DRBDStatusJSONReader.resource(named: "r0", from: text).isPrimary)
    }

    // MARK: - Errors

    @Test func drbd84UsageTextIsAClearTypedError() throws {
        let text = try FixturePaths.read(FixturePaths.shared("drbd/drbdsetup-status-json-error.txt"))
        let error = #expect(throws: DRBDStateError.self) { try DRBDStatusJSONReader.parse(text) }
        #expect(error == .statusJSONUnsupported(message: text.trimmingWhitespace()))
        #expect(error?.description.hasPrefix("drbdsetup status --json is not supported here (DRBD 8.4 kernel") == true)
        #expect(error?.description.contains("status: unrecognized option '--json'") == true)
        #expect(error?.description.contains("USAGE") == false)  // one line only
    }

    @Test(arguments: ["drbdadm-status.txt", "drbdadm-status-secondary.txt", "drbdsetup-status-verbose.txt"])
    func plainStatusTextIsNotJSON(file: String) throws {
        let text = try FixturePaths.read(FixturePaths.shared("drbd/" + file))
        let error = #expect(throws: DRBDStateError.self) { try DRBDStatusJSONReader.parse(text) }
        guard case .invalidJSON(let jsonError)? = error else {
            Issue.record("expected invalidJSON, got \(String(describing: error))")
            return
        }
        #expect(jsonError.offset == 0 && jsonError.line == 1)
    }

    @Test func emptyAndTruncated() throws {
        #expect(throws: DRBDStateError.emptyInput(.statusJSON)) { try DRBDStatusJSONReader.parse("") }
        #expect(throws: DRBDStateError.emptyInput(.statusJSON)) { try DRBDStatusJSONReader.parse(" \n") }
        let text = try FixturePaths.read(FixturePaths.project("drbd9/handwritten-three-node.status.json"))
        let error = #expect(throws: DRBDStateError.self) { try DRBDStatusJSONReader.parse(String(text.prefix(500))) }
        guard case .invalidJSON(let jsonError)? = error else {
            Issue.record("expected invalidJSON, got \(String(describing: error))")
            return
        }
        #expect(jsonError.kind == .unexpectedEnd || jsonError.offset >= 400)
    }

    @Test func structuralErrorsNameTheJSONPath() {
        #expect(throws: DRBDStateError.invalidValue(at: .jsonPath(""), key: "document", value: "object",
                                                    expected: "an array of resources")) {
            try DRBDStatusJSONReader.parse("{}")
        }
        #expect(throws: DRBDStateError.missingField(at: .jsonPath("[0]"), key: "name")) {
            try DRBDStatusJSONReader.parse(#"[{"role": "Primary"}]"#)
        }
        #expect(throws: DRBDStateError.invalidValue(at: .jsonPath("[0]"), key: "element", value: "number",
                                                    expected: "an object")) {
            try DRBDStatusJSONReader.parse("[1]")
        }
        #expect(throws: DRBDStateError.unknownValue(at: .jsonPath("[0].devices[0]"), key: "disk-state", value: "Gone",
                                                    vocabulary: "disk state")) {
            try DRBDStatusJSONReader.parse(#"[{"name": "r0", "role": "Primary", "devices": [{"volume": 0, "disk-state": "Gone"}]}]"#)
        }
        #expect(throws: DRBDStateError.invalidValue(at: .jsonPath("[0].devices[0]"), key: "volume", value: "string",
                                                    expected: "an integer")) {
            try DRBDStatusJSONReader.parse(#"[{"name": "r0", "role": "Primary", "devices": [{"volume": "0", "disk-state": "UpToDate"}]}]"#)
        }
        let peer = #"[{"name": "r0", "role": "Primary", "connections": [{"peer-node-id": 1, "connection-state": "Connected", "peer-role": "Secondary", "peer_devices": [{"volume": 0, "replication-state": "Established", "peer-disk-state": "UpToDate", "resync-suspended": true}]}]}]"#
        #expect(throws: DRBDStateError.invalidValue(at: .jsonPath("[0].connections[0].peer_devices[0]"),
                                                    key: "resync-suspended", value: "boolean", expected: "a string")) {
            try DRBDStatusJSONReader.parse(peer)
        }
        #expect(throws: DRBDStateError.inconsistent(at: .jsonPath("[1]"), reason: "resource 'r0' listed twice")) {
            try DRBDStatusJSONReader.parse(#"[{"name": "r0", "role": "Primary"}, {"name": "r0", "role": "Primary"}]"#)
        }
    }

    @Test func minimalObjectAndUnknownMembers() throws {
        let resources = try DRBDStatusJSONReader.parse(#"[{"name": "r0", "role": "Secondary", "future": {"x": [1]}}]"#)
        #expect(resources == [DRBDResource(name: "r0", role: .secondary)])
    }
}
