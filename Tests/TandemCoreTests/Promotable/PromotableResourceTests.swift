import Foundation
import Testing
import TandemTestSupport
@testable import TandemCore

/// The promotable skeleton's rules, through the built sample agent (which supplies only its
/// state file) run as Pacemaker runs it.
@Suite struct PromotableResourceTests {
    final class Scratch {
        let directory: String
        init() throws { directory = try TestCommands.temporaryDirectory("promotable") }
        deinit { TestCommands.removeDirectory(directory) }

        func sample() -> AgentInvocation {
            var invocation = AgentInvocation("ocf-sample")
            invocation.extra["HA_RSCTMP"] = directory
            invocation.instance = "sample:0"
            return invocation
        }

        var peersFile: String { directory + "/tandem-ocf-sample-sample.peers" }
    }

    @Test func transitionsOnAStoppedResource() throws {
        let scratch = try Scratch()
        let agent = scratch.sample()
        let demote = try agent.run("demote")
        #expect(demote.code == 7 && demote.exitReason() == "cannot demote sample:0: it is not running")
        let promote = try agent.run("promote")
        #expect(promote.code == 1 && promote.exitReason() == "cannot promote sample:0: it is not started")
        #expect(try agent.run("monitor").code == 7, "the failed transitions started nothing")
        #expect(try agent.run("start").code == 0)
        #expect(try agent.run("demote").code == 0, "demoting an unpromoted resource is success")
        #expect(try agent.run("promote").code == 0)
        #expect(try agent.run("promote").code == 0, "promoting a promoted resource is success")
        #expect(try agent.run("monitor").code == 8)
        #expect(try agent.run("stop").code == 0, "stop takes a promoted resource down in one step")
        #expect(try agent.run("monitor").code == 7)
    }

    /// Pacemaker's lists describe the clone before the transition; only post-notifications
    /// change what this node knows of its promoted peers.
    @Test func postNotificationsKeepThePromotedPeers() throws {
        let scratch = try Scratch()
        var agent = scratch.sample()
        agent.meta = ["on_node": "node1", "notify_type": "pre", "notify_operation": "promote",
                      "notify_promote_resource": "sample:1", "notify_promote_uname": "node2"]
        #expect(try agent.run("notify").code == 0)
        #expect(PromotedPeers.load(scratch.peersFile).nodes.isEmpty, "a pre-notification changes nothing")
        agent.meta["notify_type"] = "post"
        #expect(try agent.run("notify").code == 0)
        #expect(PromotedPeers.load(scratch.peersFile).nodes == ["node2"])
        agent.meta = ["on_node": "node1", "notify_type": "post", "notify_operation": "demote",
                      "notify_demote_resource": "sample:1", "notify_demote_uname": "node2",
                      "notify_master_resource": "sample:1", "notify_master_uname": "node2"]
        #expect(try agent.run("notify").code == 0)
        #expect(PromotedPeers.load(scratch.peersFile).nodes.isEmpty)
    }

    /// The score follows every observed state: after start, promote and demote, in a probe
    /// (after a Pacemaker restart the attribute is gone while the agent's cache remains),
    /// and it goes on stop, also when the resource was already gone.
    @Test func theScoreIsResentInProbesAndRemovedOnStop() throws {
        let scratch = try Scratch()
        let cib = scratch.directory + "/cib.xml"
        try FileManager.default.copyItem(atPath: FixturePaths.shared("crm_mon/cib-2node-ok.xml"), toPath: cib)
        var agent = scratch.sample()
        agent.meta = ["promotable": "true", "clone_max": "2", "promoted_max": "1", "on_node": "node1", "timeout": "20000"]
        agent.extra["CIB_file"] = cib
        agent.extra["OCF_RESKEY_crm_feature_set"] = "3.16.2"
        func score() throws -> String? {
            let result = try TestCommands.run("crm_attribute", ["-N", "node1", "-l", "reboot", "-n", "master-sample:0", "-G", "-q"],
                                              environment: ["CIB_file": cib])
            return result.succeeded ? result.stdoutText.trimmingWhitespace() : nil
        }
        func deleteScore() throws {
            _ = try TestCommands.run("crm_attribute", ["-N", "node1", "-l", "reboot", "-n", "master-sample:0", "-D"],
                                     environment: ["CIB_file": cib])
        }
        #expect(try agent.run("start").code == 0)
        #expect(try score() == "5")
        try deleteScore()
        var recurring = agent
        recurring.meta["interval"] = "10000"
        #expect(try recurring.run("monitor").code == 0)
        #expect(try score() == nil, "a recurring monitor does not resend an unchanged score")
        #expect(try agent.run("monitor").code == 0)
        #expect(try score() == "5", "a probe does")
        #expect(try agent.run("promote").code == 0)
        #expect(try score() == "10")
        #expect(try agent.run("demote").code == 0)
        #expect(try score() == "5")
        try FileManager.default.removeItem(atPath: scratch.directory + "/tandem-ocf-sample-sample.state")
        #expect(try agent.run("stop").code == 0)
        #expect(try score() == nil, "stop removes the score even when the resource was gone already")
    }
}
