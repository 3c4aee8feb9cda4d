import Foundation
import Testing
import TandemCore

extension ClusterLab {
    /// A promotable clone with the floating IP on its promoted instance, on two nodes:
    /// promotion, colocation and order, failover on power-off, rejoin, monitor failures.
    @Suite struct PromotableFailoverTests {
        static let configuration = """
            primitive p_state ocf:pacemaker:Stateful \
                op monitor interval=5s role=Promoted timeout=20s \
                op monitor interval=6s role=Unpromoted timeout=20s
            clone ms_state p_state meta promotable=true promoted-max=1 clone-max=2 clone-node-max=1
            colocation c_vip_on_promoted inf: p_vip ms_state:Promoted
            order o_promote_then_vip Mandatory: ms_state:promote p_vip:start
            """

        /// Waits until one instance is promoted, the other unpromoted, and the VIP runs
        /// beside the promoted one; returns the promoted node.
        static func settled(_ cluster: NSCluster, on node: String, expecting nodes: [String]) throws -> String {
            let status = try cluster.waitUntil("one promoted instance with the VIP beside it", on: node) { status in
                let promoted = status.promotedNodes(of: "ms_state")
                return promoted.count == 1
                    && Set(status.startedNodes(of: "ms_state")) == Set(nodes)
                    && status.startedNodes(of: "p_vip") == promoted
                    && status.isIdle
            }
            return status.promotedNodes(of: "ms_state")[0]
        }

        @Test func promotedNodeCarriesTheVIPFailsOverAndRejoinsUnpromoted() throws {
            let agent = try VIPAgent.selected()
            try ClusterLab.withCluster(2) { cluster in
                try cluster.crmConfigure(VIPAgent.primitive(agent: agent) + "\n" + Self.configuration)
                let promoted = try Self.settled(cluster, on: "tnd-n1", expecting: cluster.nodes)
                let survivor = cluster.nodes.first { $0 != promoted } ?? ""

                // The agent that runs the VIP is the one selected, and it was started after
                // the promotion on the same node (execd call ids only grow on a node).
                let before = try cluster.status(on: survivor)
                #expect(before.agent(of: "p_vip") == agent)
                #expect(before.startedNodes(of: "p_vip") == [promoted])
                let promote = before.operations(of: "p_state", on: promoted).filter { $0.task == "promote" }
                let vipStart = before.operations(of: "p_vip", on: promoted).filter { $0.task == "start" }
                #expect(promote.count == 1 && vipStart.count == 1)
                if let promote = promote.first, let start = vipStart.first {
                    #expect(start.call > promote.call, "the VIP started before the promotion")
                }
                #expect(cluster.answersPing())

                // Power off the promoted node: the survivor promotes, the VIP moves and answers.
                try cluster.powerOff(promoted)
                let seconds = try NSCluster.measure("the VIP to answer after power-off", seconds: 30) {
                    cluster.answersPing()
                }
                print("failover (\(agent)): power-off of \(promoted) until \(NSCluster.vip) answers: "
                      + String(format: "%.2f s", seconds))
                let after = try cluster.waitUntil("\(survivor) promoted with the VIP", on: survivor) { status in
                    status.promotedNodes(of: "ms_state") == [survivor]
                        && status.startedNodes(of: "p_vip") == [survivor]
                        && !status.isNodeOnline(promoted)
                }
                #expect(after.agent(of: "p_vip") == agent)
                #expect(after.operations(of: "p_vip", on: survivor).contains { $0.task == "start" && $0.rc == 0 })

                // Boot it again: it rejoins, its instance starts unpromoted, nothing moves back.
                try cluster.boot(promoted)
                try cluster.waitUntil("\(promoted) back as unpromoted", on: promoted) { status in
                    status.isNodeOnline(promoted) && status.isNodeOnline(survivor)
                        && status.nodes(of: "ms_state", inRole: .unpromoted) == [promoted]
                        && status.promotedNodes(of: "ms_state") == [survivor]
                        && status.startedNodes(of: "p_vip") == [survivor]
                        && status.isIdle
                }
                #expect(cluster.answersPing())
            }
        }

        @Test func failingMonitorIsDetectedAndRecovered() throws {
            let agent = try VIPAgent.selected()
            try ClusterLab.withCluster(2) { cluster in
                try cluster.crmConfigure(VIPAgent.primitive(agent: agent, monitorSeconds: 2))
                let running = try cluster.waitUntil("the VIP started") { status in
                    status.startedNodes(of: "p_vip").count == 1 && status.isIdle
                }
                let node = running.startedNodes(of: "p_vip")[0]
                #expect(running.agent(of: "p_vip") == agent)
                #expect(running.failures.isEmpty)

                // Remove the address behind the cluster's back.
                try cluster.exec(node, ["ip", "addr", "del", NSCluster.vip + "/24", "dev", "eth0"])
                let recovered = try cluster.waitUntil("the failed monitor recorded and the VIP recovered") { status in
                    status.failures.contains { $0.resourceID == "p_vip" && $0.task == "monitor" && $0.exitCode == 7 }
                        && status.startedNodes(of: "p_vip").count == 1 && status.isIdle
                }
                let failure = recovered.failures.first { $0.resourceID == "p_vip" }
                #expect(failure?.node == node)
                try NSCluster.measure("the recovered VIP to answer", seconds: 15) { cluster.answersPing() }
                let where_ = recovered.startedNodes(of: "p_vip")[0]
                let address = try cluster.exec(where_, ["ip", "-o", "-4", "addr", "show", "dev", "eth0"]).stdoutText
                #expect(address.contains(NSCluster.vip + "/24"))

                // cleanup forgets the failure.
                try cluster.exec("tnd-n1", ["crm", "resource", "cleanup", "p_vip"])
                try cluster.waitUntil("the failure cleaned up") { status in
                    status.failures.isEmpty && status.startedNodes(of: "p_vip").count == 1 && status.isIdle
                }
            }
        }
    }
}
