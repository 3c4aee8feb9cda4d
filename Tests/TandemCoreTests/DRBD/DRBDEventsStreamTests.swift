import Testing
import TandemCore

@Suite struct DRBDEventsStreamTests {
    /// Feeds `text` in chunks of `size` bytes and collects every update.
    private func run(_ text: String, chunkSize size: Int, into stream: inout DRBDEventsStream) throws -> [DRBDEventsUpdate] {
        var updates: [DRBDEventsUpdate] = []
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            stream.feed(bytes[offset..<min(offset + size, bytes.count)])
            offset += size
            while let update = try stream.next() { updates.append(update) }
        }
        return updates
    }

    private let session = """
        2026-11-22T07:17:45.871509+00:00 exists resource name:r0 role:Secondary suspended:no
        2026-11-22T07:17:45.871509+00:00 exists connection name:r0 peer-node-id:1 conn-name:alpha2 connection:Connected role:Secondary
        2026-11-22T07:17:45.871509+00:00 exists device name:r0 volume:0 minor:1000 disk:UpToDate client:no quorum:yes
        2026-11-22T07:17:45.871509+00:00 exists peer-device name:r0 peer-node-id:1 conn-name:alpha2 volume:0 replication:Established peer-disk:UpToDate peer-client:no resync-suspended:no
        2026-11-22T07:17:45.895636+00:00 exists -
        2026-11-22T07:18:00.000001+00:00 change peer-device name:r0 peer-node-id:1 conn-name:alpha2 volume:0 replication:SyncSource peer-disk:Inconsistent done:0.00
        2026-11-22T07:18:01.000001+00:00 call helper name:r0 peer-node-id:1 conn-name:alpha2 volume:0 helper:before-resync-source
        2026-11-22T07:18:01.100001+00:00 response helper name:r0 peer-node-id:1 conn-name:alpha2 volume:0 helper:before-resync-source status:0
        2026-11-22T07:18:02.000001+00:00 change peer-device name:r0 peer-node-id:1 conn-name:alpha2 volume:0 done:45.10
        2026-11-22T07:18:03.000001+00:00 change resource name:r0 role:Primary may_promote:no promotion_score:10101
        2026-11-22T07:18:09.000001+00:00 change peer-device name:r0 peer-node-id:1 conn-name:alpha2 volume:0 replication:Established peer-disk:UpToDate
        2026-11-22T07:18:10.000001+00:00 create resource name:r1 role:Secondary suspended:no
        2026-11-22T07:18:11.000001+00:00 create device name:r1 volume:0 minor:1001 disk:Attaching client:no quorum:yes
        2026-11-22T07:18:12.000001+00:00 rename resource name:r1 new_name:r9
        2026-11-22T07:18:13.000001+00:00 destroy device name:r9 volume:0
        2026-11-22T07:18:14.000001+00:00 destroy resource name:r9

        """

    private let expectedUpdates: [DRBDEventsUpdate] = [
        .changed(resource: "r0", object: .resource),
        .changed(resource: "r0", object: .connection),
        .changed(resource: "r0", object: .device),
        .changed(resource: "r0", object: .peerDevice),
        .initialStateComplete,
        .changed(resource: "r0", object: .peerDevice),
        .changed(resource: "r0", object: .peerDevice),
        .changed(resource: "r0", object: .resource),
        .changed(resource: "r0", object: .peerDevice),
        .changed(resource: "r1", object: .resource),
        .changed(resource: "r1", object: .device),
        .renamed(from: "r1", to: "r9"),
        .changed(resource: "r9", object: .device),
        .removed(resource: "r9"),
    ]

    @Test(arguments: [1, 2, 7, 64, 1000, 100_000])
    func anyChunkingGivesTheSameUpdates(chunkSize: Int) throws {
        var stream = DRBDEventsStream()
        let updates = try run(session, chunkSize: chunkSize, into: &stream)
        #expect(updates == expectedUpdates)
        #expect(stream.isInitialStateComplete)
        #expect(!stream.hasPartialLine)
        #expect(stream.resources.map(\.name) == ["r0"])
        let r0 = try #require(stream.resource(named: "r0"))
        #expect(r0.role == .primary && r0.promotionScore == 10101 && r0.mayPromote == false)
        let peerDevice = try #require(r0.connection(peerNodeID: 1)?.peerDevice(volume: 0))
        #expect(peerDevice.replication == .established && peerDevice.peerDisk == .upToDate)
        #expect(peerDevice.sync == nil)  // done: does not outlive the resync
        #expect(stream.resource(named: "r9") == nil)
    }

    @Test func stateBetweenLines() throws {
        var stream = DRBDEventsStream()
        let lines = session.split(separator: "\n").map(String.init)
        for line in lines.prefix(6) { _ = try stream.process(line: line) }
        #expect(stream.resource(named: "r0")?.connections.first?.peerDevices.first?.sync?.donePercent == 0)
        _ = try stream.process(line: lines[8])
        let peerDevice = stream.resource(named: "r0")?.connections.first?.peerDevices.first
        #expect(peerDevice?.replication == .syncSource)
        #expect(peerDevice?.sync?.donePercent == 45.1)
        #expect(stream.resource(named: "r0")?.somePeerHasAllDisksUpToDate == false)
    }

    @Test func partialLineWaitsForItsNewline() throws {
        var stream = DRBDEventsStream()
        stream.feed(Array("exists resource name:r0 role:Prim".utf8))
        #expect(try stream.next() == nil)
        #expect(stream.hasPartialLine)
        #expect(stream.resources.isEmpty)
        stream.feed(Array("ary\nexists -".utf8))
        #expect(try stream.next() == .changed(resource: "r0", object: .resource))
        #expect(try stream.next() == nil)  // "exists -" has no newline yet
        #expect(!stream.isInitialStateComplete)
        stream.feed([0x0a])
        #expect(try stream.next() == .initialStateComplete)
        #expect(stream.resource(named: "r0")?.role == .primary)
    }

    @Test func diffStyleValuesTakeTheNewValue() throws {
        var stream = DRBDEventsStream()
        _ = try stream.process(line: "exists resource name:r0 role:Secondary")
        _ = try stream.process(line: "change resource name:r0 role:Secondary->Primary may_promote:yes->no promotion_score:0->10101")
        #expect(stream.resource(named: "r0")?.role == .primary)
        #expect(stream.resource(named: "r0")?.promotionScore == 10101)
    }

    @Test func badLineIsReportedAndSkipped() throws {
        var stream = DRBDEventsStream()
        stream.feed(Array("exists resource name:r0 role:Primary\nchange resource name:r0 role:Boss\nchange resource name:r0 role:Secondary\n".utf8))
        #expect(try stream.next() == .changed(resource: "r0", object: .resource))
        #expect(throws: DRBDStateError.unknownValue(at: .line(2), key: "role", value: "Boss", vocabulary: "role")) {
            try stream.next()
        }
        #expect(stream.resource(named: "r0")?.role == .primary)  // unchanged by the bad line
        #expect(try stream.next() == .changed(resource: "r0", object: .resource))
        #expect(stream.resource(named: "r0")?.role == .secondary)
    }

    @Test func changeOfUnknownObjectIsAnError() {
        var stream = DRBDEventsStream()
        #expect(throws: DRBDStateError.inconsistent(at: .line(1), reason: "change resource r0, which does not exist")) {
            try stream.process(line: "change resource name:r0 role:Primary")
        }
        #expect(throws: DRBDStateError.inconsistent(at: .line(2), reason: "rename of unknown resource 'x'")) {
            try stream.process(line: "rename resource name:x new_name:y")
        }
    }

    @Test func overlongLineIsReportedOnceAndSkipped() throws {
        var stream = DRBDEventsStream(lineLimit: 64)
        stream.feed(Array(String(repeating: "x", count: 50).utf8))
        #expect(try stream.next() == nil)
        stream.feed(Array(String(repeating: "y", count: 50).utf8))
        #expect(throws: DRBDStateError.lineTooLong(line: 1, limit: 64)) { try stream.next() }
        stream.feed(Array(String(repeating: "z", count: 500).utf8))
        #expect(try stream.next() == nil)
        stream.feed(Array("zz\nexists resource name:r0 role:Primary\n".utf8))
        #expect(try stream.next() == .changed(resource: "r0", object: .resource))
        // A long line arriving in one piece with its newline.
        stream.feed(Array((String(repeating: "w", count: 100) + "\nexists -\n").utf8))
        #expect(throws: DRBDStateError.lineTooLong(line: 3, limit: 64)) { try stream.next() }
        #expect(try stream.next() == .initialStateComplete)
    }

    @Test func garbageBytesDoNotCrash() {
        var stream = DRBDEventsStream()
        stream.feed([0xff, 0xfe, 0x00, 0x0a, 0xc3, 0x28, 0x0a])
        var errors = 0
        for _ in 0..<3 {
            do { _ = try stream.next() } catch { errors += 1 }
        }
        #expect(errors == 2)
        #expect(stream.resources.isEmpty)
    }
}
