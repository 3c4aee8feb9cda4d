import Testing
import TandemCore
@testable import drbd

@Suite struct PeerNotesTests {
    func event(_ timing: String, _ operation: String, _ extra: [String: String]) -> NotifyEvent? {
        var variables = ["OCF_RESKEY_CRM_meta_notify_type": timing, "OCF_RESKEY_CRM_meta_notify_operation": operation]
        for (key, value) in extra { variables["OCF_RESKEY_CRM_meta_notify_" + key] = value }
        return NotifyEvent(OCFEnvironment(variables))
    }

    @Test func followsPromotionsDemotionsAndStops() throws {
        var notes = PeerNotes()
        notes.apply(try #require(event("post", "promote", ["promote_resource": "d:1", "promote_uname": "s2"])), localNode: "s1")
        #expect(notes.promotedPeers == ["s2"])
        notes.apply(try #require(event("pre", "demote", ["demote_resource": "d:1", "demote_uname": "s2",
                                                         "promoted_resource": "d:1", "promoted_uname": "s2"])), localNode: "s1")
        #expect(notes.promotedPeers == ["s2"], "pre-notifications change nothing")
        notes.apply(try #require(event("post", "demote", ["demote_resource": "d:1", "demote_uname": "s2",
                                                          "master_resource": "d:1", "master_uname": "s2"])), localNode: "s1")
        #expect(notes.promotedPeers.isEmpty)
        notes.apply(try #require(event("post", "promote", ["promote_resource": "d:0", "promote_uname": "s1"])), localNode: "s1")
        #expect(notes.promotedPeers.isEmpty, "this node is not a peer")
        notes.apply(try #require(event("post", "start", ["promoted_resource": "d:1", "promoted_uname": "s2"])), localNode: "s1")
        #expect(notes.promotedPeers == ["s2"])
        notes.apply(try #require(event("post", "stop", ["promoted_resource": "d:1", "promoted_uname": "s2",
                                                        "stop_resource": "d:1", "stop_uname": "s2"])), localNode: "s1")
        #expect(notes.promotedPeers.isEmpty)
    }

    @Test func survivesASaveAndLoad() throws {
        let path = "/tmp/tandem-peer-notes-\(Int.random(in: 0..<1_000_000))"
        defer { _ = path.withCString { unlinkPath($0) } }
        PeerNotes(promotedPeers: ["s2", "s3"]).save(path)
        #expect(PeerNotes.load(path) == PeerNotes(promotedPeers: ["s2", "s3"]))
        #expect(PeerNotes.load(path + ".missing") == PeerNotes())
    }
}

import Glibc
private func unlinkPath(_ path: UnsafePointer<CChar>) -> Int32 { unlink(path) }
