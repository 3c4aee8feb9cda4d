import Foundation
import Testing
import TandemCore

extension ClusterLab {
    /// Three nodes with `no-quorum-policy=stop` (the harness's default for more than two):
    /// a node cut off the switch loses quorum and stops its resources, the majority keeps them.
    @Suite struct PartitionTests {
        @Test func isolatedNodeStopsItsResourcesAndTheMajorityKeepsThem() throws {
            let agent = try VIPAgent.selected()
            try ClusterLab.withCluster(3) { cluster in
                try cluster.crmConfigure(VIPAgent.primitive(agent: agent) + "\n" + """
                    primitive p_dummy ocf:pacemaker:Dummy op monitor interval=5s
                    clone cl_dummy p_dummy
                    location l_vip_prefers_n3 p_vip 100: tnd-n3
                    """)
                let before = try cluster.waitUntil("the VIP on tnd-n3 and the clone everywhere") { status in
                    status.startedNodes(of: "p_vip") == ["tnd-n3"]
                        && Set(status.startedNodes(of: "cl_dummy")) == Set(cluster.nodes) && status.isIdle
                }
                #expect(before.summary?.options.noQuorumPolicy == .stop)
                #expect(before.agent(of: "p_vip") == agent)

                try cluster.cut("tnd-n3")
                // The majority: quorate, tnd-n3 gone, the VIP and the clone on the two of them.
                let majority = try cluster.waitUntil("the majority to take over", on: "tnd-n1") { status in
                    status.hasQuorum && !status.isNodeOnline("tnd-n3")
                        && ["tnd-n1", "tnd-n2"].contains(status.startedNodes(of: "p_vip").first ?? "")
                        && Set(status.startedNodes(of: "cl_dummy")) == ["tnd-n1", "tnd-n2"] && status.isIdle
                }
                #expect(majority.startedNodes(of: "p_vip").count == 1)
                // The isolated node: no quorum, nothing running.
                try cluster.waitUntil("tnd-n3 to stop everything", on: "tnd-n3") { status in
                    !status.hasQuorum && status.dcName == "tnd-n3"
                        && status.startedNodes(of: "p_vip").isEmpty
                        && status.startedNodes(of: "cl_dummy").isEmpty && status.isIdle
                }
                let addresses = try cluster.exec("tnd-n3", ["ip", "-o", "-4", "addr", "show", "dev", "eth0"]).stdoutText
                #expect(!addresses.contains(NSCluster.vip))
                try NSCluster.measure("the VIP to answer from the majority", seconds: 15) { cluster.answersPing() }

                // The link back: tnd-n3 rejoins and runs its clone instance again.
                try cluster.restore("tnd-n3")
                try cluster.waitUntil("tnd-n3 rejoined", on: "tnd-n3", seconds: 45) { status in
                    status.hasQuorum && cluster.nodes.allSatisfy { status.isNodeOnline($0) }
                        && Set(status.startedNodes(of: "cl_dummy")) == Set(cluster.nodes)
                        && status.startedNodes(of: "p_vip").count == 1 && status.isIdle
                }
                #expect(cluster.answersPing())
            }
        }
    }
}
