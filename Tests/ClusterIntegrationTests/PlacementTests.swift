import Foundation
import Testing
import TandemCore

extension ClusterLab {
    /// Placement on two nodes: constraints, and the admin commands that move resources
    /// (`crm resource move/clear/ban/cleanup/restart`), with resources made by pcs and crmsh.
    @Suite struct PlacementTests {
        @discardableResult
        static func startedOn(_ cluster: NSCluster, _ resource: String, _ node: String,
                              _ what: String) throws -> ClusterStatus {
            try cluster.waitUntil("\(resource) on \(node) (\(what))") { status in
                status.startedNodes(of: resource) == [node] && status.isIdle
            }
        }

        @Test func constraintsMoveClearAndBan() throws {
            try ClusterLab.withCluster(2) { cluster in
                // One resource made by pcs, one by crmsh, kept apart by a constraint.
                try cluster.exec("tnd-n1", ["pcs", "resource", "create", "p_dummy", "ocf:pacemaker:Dummy",
                                            "op", "monitor", "interval=5s"])
                try cluster.crmConfigure("""
                    primitive p_other ocf:pacemaker:Dummy op monitor interval=5s
                    location l_dummy_prefers_n2 p_dummy 100: tnd-n2
                    colocation c_apart -inf: p_other p_dummy
                    """)
                var status = try Self.startedOn(cluster, "p_dummy", "tnd-n2", "location preference")
                #expect(status.startedNodes(of: "p_other") == ["tnd-n1"])
                #expect(status.agent(of: "p_dummy") == "ocf:pacemaker:Dummy")

                // move: a cli-prefer constraint beats the preference (and pushes p_other away).
                try cluster.exec("tnd-n1", ["crm", "resource", "move", "p_dummy", "tnd-n1"])
                status = try Self.startedOn(cluster, "p_dummy", "tnd-n1", "after move")
                #expect(status.startedNodes(of: "p_other") == ["tnd-n2"])

                // clear: back where the configuration wants it.
                try cluster.exec("tnd-n1", ["crm", "resource", "clear", "p_dummy"])
                try Self.startedOn(cluster, "p_dummy", "tnd-n2", "after clear")

                // ban: away from tnd-n2, listed as a ban; clear lifts it.
                try cluster.exec("tnd-n1", ["crm", "resource", "ban", "p_dummy", "tnd-n2"])
                status = try Self.startedOn(cluster, "p_dummy", "tnd-n1", "after ban")
                #expect(status.bans.contains { $0.resource == "p_dummy" && $0.node == "tnd-n2" && $0.weight < 0 })
                try cluster.exec("tnd-n1", ["crm", "resource", "clear", "p_dummy"])
                status = try Self.startedOn(cluster, "p_dummy", "tnd-n2", "after the ban was cleared")
                #expect(status.bans.isEmpty)
            }
        }

        @Test func cleanupAndRestart() throws {
            try ClusterLab.withCluster(2) { cluster in
                try cluster.crmConfigure("""
                    primitive p_dummy ocf:pacemaker:Dummy op monitor interval=2s
                    location l_dummy_prefers_n1 p_dummy 100: tnd-n1
                    """)
                let first = try Self.startedOn(cluster, "p_dummy", "tnd-n1", "location preference")
                let firstStart = first.operations(of: "p_dummy", on: "tnd-n1").first { $0.task == "start" }

                // restart: stopped and started again in place (a new start call).
                try cluster.exec("tnd-n1", ["crm", "resource", "restart", "p_dummy"])
                let restarted = try cluster.waitUntil("p_dummy started again on tnd-n1") { status in
                    let start = status.operations(of: "p_dummy", on: "tnd-n1").first { $0.task == "start" }
                    return status.startedNodes(of: "p_dummy") == ["tnd-n1"] && status.isIdle
                        && (start?.call ?? 0) > (firstStart?.call ?? Int.max)
                }
                #expect(restarted.failures.isEmpty)

                // A failed monitor (Dummy's state file removed on the node) is recovered in
                // place and shows as a failure with a fail count until `cleanup`.
                try cluster.exec("tnd-n1", ["rm", "-f", "/run/Dummy-p_dummy.state"])
                let failed = try cluster.waitUntil("the failed monitor recorded and p_dummy recovered") { status in
                    status.failures.contains { $0.resourceID == "p_dummy" && $0.exitCode == 7 }
                        && status.startedNodes(of: "p_dummy") == ["tnd-n1"] && status.isIdle
                }
                let history = failed.nodeHistory.first { $0.node == "tnd-n1" }?.resources.first { $0.id == "p_dummy" }
                #expect((history?.failCount ?? 0) >= 1)
                try cluster.exec("tnd-n1", ["crm", "resource", "cleanup", "p_dummy"])
                let clean = try cluster.waitUntil("p_dummy's failure cleaned up") { status in
                    status.failures.isEmpty && status.startedNodes(of: "p_dummy") == ["tnd-n1"] && status.isIdle
                }
                let cleaned = clean.nodeHistory.first { $0.node == "tnd-n1" }?.resources.first { $0.id == "p_dummy" }
                #expect(cleaned?.failCount == nil)
            }
        }
    }
}
