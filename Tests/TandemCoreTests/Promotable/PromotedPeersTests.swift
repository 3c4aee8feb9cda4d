import Testing
import TandemCore

@Suite struct PromotedPeersTests {
    func event(_ timing: String, _ operation: String, _ extra: [String: String]) -> NotifyEvent? {
        var variables = ["OCF_RESKEY_CRM_meta_notify_type": timing, "OCF_RESKEY_CRM_meta_notify_operation": operation]
        for (key, value) in extra { variables["OCF_RESKEY_CRM_meta_notify_" + key] = value }
        return NotifyEvent(OCFEnvironment(variables))
    }

    @Test func followsPromotionsDemotionsAndStops() throws {
        var notes = PromotedPeers()
        notes.apply(try #require(event("post", "promote", ["promote_resource": "d:1", "promote_uname": "s2"])), localNode: "s1")
        #expect(notes.nodes == ["s2"])
        notes.apply(try #require(event("pre", "demote", ["demote_resource": "d:1", "demote_uname": "s2",
                                                         "promoted_resource": "d:1", "promoted_uname": "s2"])), localNode: "s1")
        #expect(notes.nodes == ["s2"], "pre-notifications change nothing")
        notes.apply(try #require(event("post", "demote", ["demote_resource": "d:1", "demote_uname": "s2",
                                                          "master_resource": "d:1", "master_uname": "s2"])), localNode: "s1")
        #expect(notes.nodes.isEmpty)
        notes.apply(try #require(event("post", "promote", ["promote_resource": "d:0", "promote_uname": "s1"])), localNode: "s1")
        #expect(notes.nodes.isEmpty, "this node is not a peer")
        notes.apply(try #require(event("post", "start", ["promoted_resource": "d:1", "promoted_uname": "s2"])), localNode: "s1")
        #expect(notes.nodes == ["s2"])
        notes.apply(try #require(event("post", "stop", ["promoted_resource": "d:1", "promoted_uname": "s2",
                                                        "stop_resource": "d:1", "stop_uname": "s2"])), localNode: "s1")
        #expect(notes.nodes.isEmpty)
    }

    @Test func survivesASaveAndLoad() throws {
        let path = "/tmp/tandem-promoted-peers-\(Int.random(in: 0..<1_000_000))"
        defer { _ = path.withCString { unlinkPath($0) } }
        PromotedPeers(nodes: ["s2", "s3"]).save(path)
        #expect(PromotedPeers.load(path) == PromotedPeers(nodes: ["s2", "s3"]))
        #expect(PromotedPeers.load(path + ".missing") == PromotedPeers())
    }
}

import Glibc
private func unlinkPath(_ path: UnsafePointer<CChar>) -> Int32 { unlink(path) }
