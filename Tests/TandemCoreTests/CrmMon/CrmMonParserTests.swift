import Testing
import TandemTestSupport
@testable import TandemCore

/// The real captures in ../shared/fixtures/crm_mon and the hand-written samples.
@Suite struct CrmMonParserTests {
    static func shared(_ name: String) throws -> ClusterStatus {
        try CrmMonParser.parse(file: FixturePaths.shared("crm_mon/" + name))
    }

    static func project(_ name: String) throws -> ClusterStatus {
        try CrmMonParser.parse(file: FixturePaths.project("crm_mon/" + name))
    }

    @Test func everySharedCaptureParses() throws {
        let files = FixturePaths.sharedFiles(in: "crm_mon", withExtension: "xml").filter { $0.contains("/crm_mon-") }
        #expect(files.count >= 4)
        for file in files {
            let status = try CrmMonParser.parse(file: file)
            #expect(status.format == .apiResult(apiVersion: "2.25"), "\(file)")
            #expect(status.result == CrmMonResultStatus(code: 0, message: "OK"), "\(file)")
            #expect(status.isConnected, "\(file)")
            #expect(status.nodes.count == 2, "\(file)")
            #expect(status.pendingOperations.isEmpty, "\(file)")
        }
    }

    @Test func twoNodeOK() throws {
        let status = try Self.shared("crm_mon-2node-ok.xml")
        #expect(status.request == "crm_mon -1 --output-as=xml")
        #expect(status.pacemakerdState == "running")
        #expect(status.dcName == "node1")
        #expect(status.hasQuorum)
        let summary = try #require(status.summary)
        #expect(summary.stack == "corosync")
        #expect(summary.dc?.id == "1")
        #expect(summary.dc?.version == "2.1.5-a3f44794f94")
        #expect(summary.dc?.mixedVersion == false)
        #expect(summary.lastUpdate == "Sun Nov 22 07:16:06 2026")
        #expect(summary.lastChange?.client == "cibadmin")
        #expect(summary.nodesConfigured == 2)
        #expect(summary.resourcesConfigured == 3)
        #expect(summary.options.stonithEnabled == false)
        #expect(summary.options.symmetricCluster == true)
        #expect(summary.options.noQuorumPolicy == .ignore)
        #expect(summary.options.maintenanceMode == false)
        #expect(summary.options.stopAllResources == false)
        #expect(summary.options.stonithTimeoutMilliseconds == 60000)

        let node1 = try #require(status.node(named: "node1"))
        #expect(node1.isDC && node1.online && node1.type == .member && node1.resourcesRunning == 1)
        #expect(node1.health == .green && node1.featureSet == "3.16.1" && node1.expectedUp)
        #expect(status.isNodeOnline("node1") && status.isNodeOnline("node2"))
        #expect(!status.isNodeOnline("node3"))

        #expect(status.resources.count == 2)
        guard case .clone(let clone) = status.resources[0] else { Issue.record("no clone first"); return }
        #expect(clone.id == "ms-stateful" && clone.promotable && !clone.unique && clone.managed)
        // Anonymous instances share the primitive id and stay separate.
        #expect(clone.instances.map(\.id) == ["stateful", "stateful"])
        let promoted = try #require(clone.instances.first?.primitives.first)
        #expect(promoted.role == .promoted && promoted.active && promoted.nodesRunningOn == 1)
        #expect(promoted.agent == ResourceAgent(standard: "ocf", provider: "pacemaker", type: "Stateful"))
        #expect(promoted.nodes == [ResourceNode(name: "node2", id: "2", cached: true)])

        #expect(status.promotedNodes(of: "stateful") == ["node2"])
        #expect(status.promotedNodes(of: "ms-stateful") == ["node2"])
        #expect(status.nodes(of: "ms-stateful", inRole: .unpromoted) == ["node1"])
        #expect(status.startedNodes(of: "ms-stateful") == ["node2", "node1"])
        #expect(status.startedNodes(of: "vip") == ["node2"])
        #expect(status.nodes(of: "vip", inRole: .started) == ["node2"])
        #expect(status.startedNodes(of: "nonexistent").isEmpty)

        #expect(status.promotionScore(of: "stateful", on: "node1") == 5)
        #expect(status.promotionScore(of: "stateful", on: "node2") == 10)
        #expect(status.promotionScore(of: "ms-stateful", on: "node2") == 10)
        #expect(status.promotionScore(of: "vip", on: "node2") == nil)

        #expect(status.nodeHistory.map(\.node) == ["node2", "node1"])
        let monitor = try #require(status.nodeHistory[0].resources[0].operations.last)
        #expect(monitor.task == "monitor" && monitor.call == 8 && monitor.rc == 8 && monitor.rcText == "promoted")
        #expect(monitor.intervalMilliseconds == 5000 && monitor.execMilliseconds == 51 && monitor.queueMilliseconds == 0)
        #expect(status.nodeHistory[0].resources[0].migrationThreshold == 1_000_000)
        #expect(status.nodeHistory[1].resources[1].operations.map(\.task) == ["monitor", "stop"])
        #expect(status.failures.isEmpty && status.bans.isEmpty && status.tickets.isEmpty)
    }

    @Test func oneNodeOffline() throws {
        let status = try Self.shared("crm_mon-one-node-offline.xml")
        #expect(status.dcName == "node2")
        #expect(!status.isNodeOnline("node1"))
        #expect(status.node(named: "node1")?.online == false)
        #expect(status.node(named: "node1")?.featureSet == nil)
        let instances = status.primitives(matching: "ms-stateful")
        #expect(instances.map(\.role) == [.promoted, .stopped])
        #expect(instances[1].nodes.isEmpty && !instances[1].active)
        #expect(status.promotedNodes(of: "stateful") == ["node2"])
        #expect(status.startedNodes(of: "stateful") == ["node2"])
        #expect(status.promotionScore(of: "stateful", on: "node1") == nil)
        #expect(status.promotionScore(of: "stateful", on: "node2") == 10)
    }

    @Test func twoNodeRejoined() throws {
        let status = try Self.shared("crm_mon-2node-rejoined.xml")
        #expect(status.dcName == "node2")
        #expect(status.promotedNodes(of: "ms-stateful") == ["node2"])
        #expect(status.nodes(of: "stateful", inRole: .unpromoted) == ["node1"])
        let node1History = try #require(status.nodeHistory.first { $0.node == "node1" })
        #expect(node1History.resources.map(\.id) == ["stateful"])
        #expect(node1History.resources[0].operations.map(\.call) == [11, 12])
        #expect(node1History.resources[0].operations[1].intervalMilliseconds == 6000)
    }

    @Test func vmTwoNodeVIP() throws {
        let status = try Self.shared("crm_mon-vm-2node-vip.xml")
        #expect(status.request == "crm_mon --output-as=xml")
        #expect(status.dcName == "s2")
        #expect(status.summary?.resourcesConfigured == 1)
        #expect(status.startedNodes(of: "p_vip") == ["s1"])
        #expect(status.nodeAttributes.isEmpty)
        let operations = status.nodeHistory[0].resources[0].operations
        #expect(operations.map(\.intervalMilliseconds) == [0, 10000])
        #expect(operations[0].execMilliseconds == 5480)
    }

    @Test func pacemaker118Legacy() throws {
        let status = try Self.project("handwritten-pacemaker-1.1.18-legacy.xml")
        #expect(status.format == .legacy(pacemakerVersion: "1.1.18"))
        #expect(status.result == nil)
        #expect(status.isConnected)
        #expect(status.dcName == "alpha")
        #expect(status.summary?.dc?.mixedVersion == nil)
        #expect(status.summary?.options.stopAllResources == nil)
        guard case .clone(let clone) = status.resources[1] else { Issue.record("no clone"); return }
        #expect(clone.promotable && !clone.disabled)
        #expect(status.promotedNodes(of: "ms_drbd_r0") == ["alpha"])
        #expect(status.nodes(of: "p_drbd_r0", inRole: .unpromoted) == ["beta"])
        let drbd = status.primitives(matching: "p_drbd_r0")[0]
        #expect(drbd.agent == ResourceAgent(standard: "ocf", provider: "linbit", type: "drbd"))
        #expect(drbd.agentText == "ocf::linbit:drbd")
        #expect(status.primitives(matching: "st-ipmi")[0].agent == ResourceAgent(standard: "stonith", type: "fence_ipmilan"))
        #expect(status.primitives(matching: "p_vip")[0].targetRole == .started)
        // Old CIBs suffix the score name with the instance number.
        #expect(status.promotionScore(of: "p_drbd_r0", on: "alpha") == 10000)
        #expect(status.promotionScore(of: "ms_drbd_r0", on: "beta") == 1000)
        #expect(status.nodeHistory[0].resources[0].operations[1].rcText == "master")
        #expect(status.nodeHistory[0].resources[0].operations[1].intervalMilliseconds == 29000)
        #expect(status.nodeHistory[0].resources[0].operations[0].lastRun == "Mon Jun  4 10:11:40 2018")
        let failure = try #require(status.failures.first)
        #expect(failure.exitReason == "" && failure.exitCode == 7 && failure.intervalMilliseconds == 10000)
        #expect(failure.resourceID == "p_vip" && failure.node == "beta" && failure.task == "monitor")
        #expect(status.bans.map(\.promotedOnly) == [false, true])
        #expect(status.bans.map(\.weight) == [-1_000_000, -1_000_000])
    }

    @Test func pacemaker201FenceHistoryWithState() throws {
        let status = try Self.project("handwritten-pacemaker-2.0.1-fence-history.xml")
        #expect(status.format == .legacy(pacemakerVersion: "2.0.1"))
        #expect(!status.hasQuorum)
        #expect(status.summary?.options.noQuorumPolicy == .stop)
        #expect(status.node(named: "c2")?.unclean == true)
        #expect(!status.isNodeOnline("c2"))
        #expect(status.fenceHistory.map(\.status) == [.pending, .failed, .success])
        #expect(status.fenceHistory[0].target == "c2" && status.fenceHistory[0].delegate == "c1")
        #expect(status.fenceHistory[0].completed == nil && status.fenceHistory[1].completed != nil)
        #expect(status.fenceHistory[2].action == "off")
        #expect(status.pendingOperations == [.fencing(status.fenceHistory[0])])
    }

    @Test func pacemaker302Removed() throws {
        let status = try Self.project("handwritten-pacemaker-3.0.2-removed.xml")
        #expect(status.format == .apiResult(apiVersion: "2.42"))
        let summary = try #require(status.summary)
        #expect(summary.pacemakerdState == "running")
        #expect(summary.resourcesDisabled == 1)
        #expect(summary.options.fencingEnabled == true && summary.options.symmetricCluster == false)
        #expect(summary.options.noQuorumPolicy == .demote)
        #expect(summary.options.stonithTimeoutMilliseconds == 90000)
        #expect(summary.options.priorityFencingDelayMilliseconds == 5000)
        #expect(status.node(named: "r1")?.health == .yellow)
        #expect(status.node(named: "r2")?.shutdown == true)
        #expect(status.isNodeOnline("r2"), "a node shutting down is still online")
        #expect(status.node(named: "gw1")?.type == .remote)
        #expect(status.node(named: "probe")?.type == .unknown)
        #expect(!status.isNodeOnline("probe"))
        guard case .clone(let clone) = status.resources[0] else { Issue.record("no clone"); return }
        #expect(clone.targetRole == .promoted)
        let old = status.primitives(matching: "old-lun")[0]
        #expect(old.orphaned && old.blocked && !old.managed)
        #expect(old.pending == "Stopping" && old.lockedTo == "r1" && old.description == "left over from migration")
        #expect(old.nodeNames == ["r1"])
        #expect(status.primitives(matching: "vip-disabled")[0].targetRole == .stopped)
        #expect(status.nodeAttributes[0].attributes[1] == .init(name: "pingd", value: "1000", expected: "1000"))
        #expect(status.failures[0].operationKey == "old-lun_stop_0")
        #expect(status.failures[0].resourceID == "old-lun")
        #expect(status.failures[0].status == "Timed Out")
        #expect(status.fenceHistory[0].status == .success && status.fenceHistory[0].exitReason == "")
        #expect(status.pendingOperations == [.resource(id: "old-lun", role: .started, task: "Stopping", nodes: ["r1"])])
    }

    @Test func disconnected() throws {
        let status = try Self.project("handwritten-disconnected-102.xml")
        #expect(!status.isConnected)
        #expect(status.summary == nil && status.nodes.isEmpty)
        #expect(status.disconnected == .init(description: "Pacemaker daemons are shutting down",
                                             pacemakerdState: "shutting_down"))
        #expect(status.result?.code == CrmMonResultStatus.notConnectedCode)
        #expect(status.result?.message == "Not connected")
        #expect(status.result?.errors == ["crm_mon: Connection to cluster failed: Connection refused"])
        #expect(status.dcName == nil && !status.hasQuorum)
    }

    @Test func bundle() throws {
        let status = try Self.project("handwritten-bundle.xml")
        guard case .bundle(let bundle) = status.resources.first else { Issue.record("no bundle"); return }
        #expect(bundle.id == "db-bundle" && bundle.type == .podman && bundle.image == "localhost/mariadb:10.5")
        #expect(bundle.replicas.map(\.id) == [0, 1])
        #expect(bundle.replicas[0].resources.map(\.id) ==
                ["db-bundle-ip-192.168.122.131", "db", "db-bundle-podman-0", "db-bundle-0"])
        #expect(status.promotedNodes(of: "db") == ["db-bundle-0"])
        #expect(status.startedNodes(of: "db-bundle").count == 4)
        #expect(status.primitives(matching: "db-bundle").count == 8)
        #expect(status.node(named: "db-bundle-1")?.type == .remote)
    }

    @Test func legacyNotConnectedIsEmptyRoot() throws {
        let status = try CrmMonParser.parse(string: "<crm_mon version=\"2.1.5\"/>\n")
        #expect(status.format == .legacy(pacemakerVersion: "2.1.5"))
        #expect(!status.isConnected)
    }

    @Test func realNotConnectedOutput() throws {
        // Captured from 2.1.5 on a machine without a running cluster.
        let text = """
            <pacemaker-result api-version="2.25" request="crm_mon -1 --output-as=xml">
              <status code="102" message="Not connected">
                <errors>
                  <error>error: Could not connect to launcher: Connection refused</error>
                  <error>crm_mon: Connection to cluster failed: Connection refused</error>
                </errors>
              </status>
            </pacemaker-result>
            """
        let status = try CrmMonParser.parse(string: text)
        #expect(!status.isConnected)
        #expect(status.result?.errors.count == 2)
        #expect(status.result?.errors.first == "error: Could not connect to launcher: Connection refused")
    }

    @Test func uniqueCloneInstancesMatchBaseID() throws {
        let text = """
            <pacemaker-result api-version="2.25" request="x"><summary/><resources>
            <clone id="c" multi_state="false" unique="true" managed="true" disabled="false" failed="false" failure_ignored="false">
              <resource id="d:0" resource_agent="ocf:pacemaker:Dummy" role="Started" active="true" orphaned="false" managed="true" failed="false" failure_ignored="false" nodes_running_on="1"><node name="a" id="1" cached="true"/></resource>
              <resource id="d:1" resource_agent="ocf:pacemaker:Dummy" role="Started" active="true" orphaned="false" managed="true" failed="false" failure_ignored="false" nodes_running_on="1"><node name="a" id="1" cached="true"/></resource>
              <resource id="d:2" resource_agent="ocf:pacemaker:Dummy" role="Migrating" active="true" orphaned="false" managed="true" failed="false" failure_ignored="false" nodes_running_on="1"><node name="b" id="2" cached="true"/></resource>
            </clone></resources>
            <node_attributes><node name="a"><attribute name="master-d:0" value="-INFINITY"/><attribute name="master-dx" value="7"/></node></node_attributes>
            <tickets><ticket id="t1" status="granted" standby="true" last-granted="now"/></tickets>
            <status code="0" message="OK"/></pacemaker-result>
            """
        let status = try CrmMonParser.parse(string: text)
        #expect(status.primitives(matching: "d").map(\.id) == ["d:0", "d:1", "d:2"])
        #expect(status.primitives(matching: "d:1").map(\.id) == ["d:1"])
        #expect(status.startedNodes(of: "c") == ["a", "b"])
        #expect(status.promotionScore(of: "d", on: "a") == -1_000_000)
        #expect(status.pendingOperations == [.resource(id: "d:2", role: .migrating, task: nil, nodes: ["b"])])
        #expect(status.tickets == [{ var t = Ticket(); t.id = "t1"; t.granted = true; t.standby = true; t.lastGranted = "now"; return t }()])
    }
}
