/// Builds a large, realistic crm_mon `--output-as=xml` document for the parser benchmark:
/// DRBD-style promotable clones on node pairs, four-member iSCSI groups, anonymous clones on
/// every node and plain primitives, with node attributes, history, failures, bans and tickets.
struct CrmMonDocumentGenerator {
    let nodeCount: Int
    let resourceCount: Int

    /// How the resource entries split up (each counts its primitive entries).
    var promotableClones: Int { resourceCount / 8 }            // 2 instances each → 1/4
    var groups: Int { resourceCount / 8 }                       // 4 members each → 1/2
    var everywhereClones: Int { max(1, resourceCount / 400) }   // one instance per node
    var primitives: Int { max(0, resourceCount - promotableClones * 2 - groups * 4 - everywhereClones * nodeCount) }

    private var text: [UInt8] = []

    init(nodes: Int, resources: Int) {
        nodeCount = nodes
        resourceCount = resources
    }

    func node(_ index: Int) -> String { "node\(index % nodeCount + 1)" }

    mutating func generate() -> [UInt8] {
        text.reserveCapacity(resourceCount * 1600)
        emit("<pacemaker-result api-version=\"2.25\" request=\"crm_mon -1 --output-as=xml\">\n")
        emit("  <pacemakerd sys_from=\"pacemakerd\" state=\"running\" last_updated=\"2026-11-22 07:16:06Z\"/>\n")
        emitSummary()
        emitNodes()
        emitResources()
        emitNodeAttributes()
        emitNodeHistory()
        emit("  <failures>\n")
        for index in 0..<8 {
            emit("    <failure op_key=\"prim\(index)_monitor_10000\" node=\"\(node(index))\" exitstatus=\"not running\" exitreason=\"\" exitcode=\"7\" call=\"\(40 + index)\" status=\"complete\" last-rc-change=\"2026-11-22 07:16:06Z\" queued=\"0\" exec=\"0\" interval=\"10000\" task=\"monitor\"/>\n")
        }
        emit("  </failures>\n  <fence_history status=\"0\">\n")
        emit("    <fence_event status=\"success\" delegate=\"node1\" action=\"reboot\" target=\"node7\" client=\"pacemaker-controld.1001\" origin=\"node1\" completed=\"2026-11-22 06:00:00.000Z\"/>\n")
        emit("  </fence_history>\n  <tickets>\n    <ticket id=\"site-a\" status=\"granted\" standby=\"false\" last-granted=\"Sun Nov 22 07:00:00 2026\"/>\n  </tickets>\n  <bans>\n")
        emit("    <ban id=\"cli-ban-prim1-on-node2\" resource=\"prim1\" node=\"node2\" weight=\"-1000000\" promoted-only=\"false\" master_only=\"false\"/>\n")
        emit("  </bans>\n  <status code=\"0\" message=\"OK\"/>\n</pacemaker-result>\n")
        return text
    }

    private mutating func emitSummary() {
        emit("""
              <summary>
                <stack type="corosync"/>
                <current_dc present="true" version="2.1.5-a3f44794f94" name="node1" id="1" with_quorum="true" mixed_version="false"/>
                <last_update time="Sun Nov 22 07:16:06 2026"/>
                <last_change time="Sun Nov 22 07:16:03 2026" user="root" client="cibadmin" origin="node1"/>
                <nodes_configured number="\(nodeCount)"/>
                <resources_configured number="\(resourceCount)" disabled="0" blocked="0"/>
                <cluster_options stonith-enabled="true" symmetric-cluster="true" no-quorum-policy="stop" maintenance-mode="false" stop-all-resources="false" stonith-timeout-ms="60000" priority-fencing-delay-ms="0"/>
              </summary>

            """)
    }

    private mutating func emitNodes() {
        emit("  <nodes>\n")
        for index in 0..<nodeCount {
            emit("    <node name=\"\(node(index))\" id=\"\(index + 1)\" online=\"true\" standby=\"false\" standby_onfail=\"false\" maintenance=\"false\" pending=\"false\" unclean=\"false\" health=\"green\" feature_set=\"3.16.1\" shutdown=\"false\" expected_up=\"true\" is_dc=\"\(index == 0)\" resources_running=\"\(resourceCount / nodeCount)\" type=\"member\"/>\n")
        }
        emit("  </nodes>\n")
    }

    private mutating func primitive(_ id: String, agent: String, role: String, on nodeIndex: Int?, indent: String) {
        let running = nodeIndex != nil
        emit("\(indent)<resource id=\"\(id)\" resource_agent=\"\(agent)\" role=\"\(role)\" active=\"\(running)\" orphaned=\"false\" blocked=\"false\" managed=\"true\" failed=\"false\" failure_ignored=\"false\" nodes_running_on=\"\(running ? 1 : 0)\"")
        if let nodeIndex {
            emit(">\n\(indent)  <node name=\"\(node(nodeIndex))\" id=\"\(nodeIndex % nodeCount + 1)\" cached=\"true\"/>\n\(indent)</resource>\n")
        } else {
            emit("/>\n")
        }
    }

    private mutating func emitResources() {
        emit("  <resources>\n")
        for index in 0..<promotableClones {
            emit("    <clone id=\"ms-drbd\(index)\" multi_state=\"true\" unique=\"false\" managed=\"true\" disabled=\"false\" failed=\"false\" failure_ignored=\"false\">\n")
            primitive("drbd\(index)", agent: "ocf:linbit:drbd", role: "Promoted", on: 2 * index, indent: "      ")
            primitive("drbd\(index)", agent: "ocf:linbit:drbd", role: "Unpromoted", on: 2 * index + 1, indent: "      ")
            emit("    </clone>\n")
        }
        let members = [("lvm", "ocf:heartbeat:LVM-activate"), ("target", "ocf:heartbeat:iSCSITarget"),
                       ("lun", "ocf:heartbeat:iSCSILogicalUnit"), ("vip", "ocf:heartbeat:IPaddr2")]
        for index in 0..<groups {
            emit("    <group id=\"g-iscsi\(index)\" number_resources=\"4\" managed=\"true\" disabled=\"false\">\n")
            for (name, agent) in members {
                primitive("\(name)\(index)", agent: agent, role: "Started", on: 2 * index, indent: "      ")
            }
            emit("    </group>\n")
        }
        for index in 0..<everywhereClones {
            emit("    <clone id=\"ping\(index)-clone\" multi_state=\"false\" unique=\"false\" managed=\"true\" disabled=\"false\" failed=\"false\" failure_ignored=\"false\">\n")
            for nodeIndex in 0..<nodeCount {
                primitive("ping\(index)", agent: "ocf:pacemaker:ping", role: "Started", on: nodeIndex, indent: "      ")
            }
            emit("    </clone>\n")
        }
        for index in 0..<primitives {
            // One in ten is stopped, as disabled resources are in real clusters.
            primitive("prim\(index)", agent: index % 3 == 0 ? "systemd:tgtd" : "ocf:pacemaker:Dummy",
                      role: index % 10 == 9 ? "Stopped" : "Started", on: index % 10 == 9 ? nil : index, indent: "    ")
        }
        emit("  </resources>\n")
    }

    private mutating func emitNodeAttributes() {
        emit("  <node_attributes>\n")
        for nodeIndex in 0..<nodeCount {
            emit("    <node name=\"\(node(nodeIndex))\">\n      <attribute name=\"pingd\" value=\"1000\" expected=\"1000\"/>\n")
            for index in 0..<promotableClones where (2 * index) % nodeCount == nodeIndex || (2 * index + 1) % nodeCount == nodeIndex {
                let score = (2 * index) % nodeCount == nodeIndex ? 10000 : 1000
                emit("      <attribute name=\"master-drbd\(index)\" value=\"\(score)\"/>\n")
            }
            emit("    </node>\n")
        }
        emit("  </node_attributes>\n")
    }

    private mutating func history(_ id: String, promoted: Bool, call: inout Int) {
        emit("      <resource_history id=\"\(id)\" orphan=\"false\" migration-threshold=\"1000000\">\n")
        call += 1
        emit("        <operation_history call=\"\(call)\" task=\"start\" rc=\"0\" rc_text=\"ok\" last-rc-change=\"Sun Nov 22 07:15:58 2026\" exec-time=\"74ms\" queue-time=\"0ms\"/>\n")
        if promoted {
            call += 1
            emit("        <operation_history call=\"\(call)\" task=\"promote\" rc=\"0\" rc_text=\"ok\" last-rc-change=\"Sun Nov 22 07:15:59 2026\" exec-time=\"120ms\" queue-time=\"0ms\"/>\n")
        }
        call += 1
        emit("        <operation_history call=\"\(call)\" task=\"monitor\" rc=\"\(promoted ? 8 : 0)\" rc_text=\"\(promoted ? "promoted" : "ok")\" interval=\"\(promoted ? 29000 : 10000)ms\" last-rc-change=\"Sun Nov 22 07:16:00 2026\" exec-time=\"51ms\" queue-time=\"0ms\"/>\n")
        emit("      </resource_history>\n")
    }

    private mutating func emitNodeHistory() {
        emit("  <node_history>\n")
        for nodeIndex in 0..<nodeCount {
            emit("    <node name=\"\(node(nodeIndex))\">\n")
            var call = 10
            for index in 0..<promotableClones {
                if (2 * index) % nodeCount == nodeIndex { history("drbd\(index)", promoted: true, call: &call) }
                if (2 * index + 1) % nodeCount == nodeIndex { history("drbd\(index)", promoted: false, call: &call) }
            }
            for index in 0..<groups where (2 * index) % nodeCount == nodeIndex {
                for name in ["lvm", "target", "lun", "vip"] { history("\(name)\(index)", promoted: false, call: &call) }
            }
            for index in 0..<everywhereClones { history("ping\(index)", promoted: false, call: &call) }
            for index in 0..<primitives where index % nodeCount == nodeIndex && index % 10 != 9 {
                history("prim\(index)", promoted: false, call: &call)
            }
            emit("    </node>\n")
        }
        emit("  </node_history>\n")
    }

    private mutating func emit(_ string: String) { text.append(contentsOf: string.utf8) }
}
