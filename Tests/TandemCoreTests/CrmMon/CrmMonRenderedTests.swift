import Testing
import TandemTestSupport
@testable import TandemCore

/// crm_mon XML produced at test time by the real Pacemaker from the CIBs in Tests/Fixtures/cib.
@Suite(.enabled(if: CrmMonRendering.available, "needs crm_mon and xmllint"))
struct CrmMonRenderedTests {
    @Test func promotableOnTwoNodesWithTickets() throws {
        let status = try CrmMonParser.parse(bytes: CrmMonRendering.render("cib-promotable-2node.xml"))
        #expect(status.format == .apiResult(apiVersion: "2.25"))
        #expect(status.dcName == "n1" && status.hasQuorum)
        #expect(status.promotedNodes(of: "ms-stateful") == ["n1"])
        #expect(status.nodes(of: "stateful", inRole: .unpromoted) == ["n2"])
        #expect(status.promotionScore(of: "stateful", on: "n1") == 10)
        #expect(status.promotionScore(of: "stateful", on: "n2") == 5)
        #expect(status.tickets.map(\.id).sorted() == ["ticket-site-a", "ticket-site-b"])
        let granted = try #require(status.tickets.first { $0.id == "ticket-site-a" })
        #expect(granted.granted && !granted.standby && granted.lastGranted != nil)
        #expect(status.tickets.first { $0.id == "ticket-site-b" }?.granted == false)
        let monitors = status.nodeHistory.first { $0.node == "n1" }?.resources.first?.operations.filter { $0.task == "monitor" }
        #expect(monitors?.map(\.intervalMilliseconds) == [5000])
        #expect(monitors?.first?.rc == 8)
    }

    @Test func promotableOnThreeNodesWithGroupFailureAndBans() throws {
        let status = try CrmMonParser.parse(bytes: CrmMonRendering.render("cib-promotable-3node.xml"))
        #expect(status.summary?.options.noQuorumPolicy == .stop)
        #expect(status.promotedNodes(of: "ms-stateful") == ["n1"])
        #expect(status.nodes(of: "ms-stateful", inRole: .unpromoted) == ["n2", "n3"])
        #expect(status.primitives(matching: "stateful").count == 3)
        #expect(status.promotionScore(of: "stateful", on: "n3") == PacemakerScore.infinity)

        guard case .group(let group) = status.resources.first(where: { $0.id == "g-iscsi" }) else {
            Issue.record("no group"); return
        }
        #expect(group.numberOfResources == 2 && group.members.map(\.id) == ["vip", "target"])
        #expect(status.startedNodes(of: "g-iscsi") == ["n1"])
        #expect(status.primitives(matching: "target")[0].agent?.type == "iSCSITarget")
        #expect(status.primitives(matching: "notes")[0].agent == ResourceAgent(standard: "systemd", type: "chronyd"))

        let failure = try #require(status.failures.first)
        #expect(failure.operationKey == "lun1_monitor_10000" && failure.resourceID == "lun1")
        #expect(failure.node == "n2" && failure.exitCode == 7 && failure.exitStatus == "not running")
        #expect(failure.exitReason == "state file vanished" && failure.intervalMilliseconds == 10000)
        #expect(failure.task == "monitor" && failure.status == "complete")
        #expect(status.primitives(matching: "lun1")[0].failed)
        let lunHistory = status.nodeHistory.first { $0.node == "n2" }?.resources.first { $0.id == "lun1" }
        #expect(lunHistory?.failCount == 1 && lunHistory?.lastFailure != nil)

        let bans = Dictionary(uniqueKeysWithValues: status.bans.map { ($0.id, $0) })
        #expect(bans["cli-ban-lun1-on-n3"]?.resource == "lun1")
        #expect(bans["cli-ban-lun1-on-n3"]?.node == "n3")
        #expect(bans["cli-ban-lun1-on-n3"]?.weight == -PacemakerScore.infinity)
        #expect(bans["cli-ban-lun1-on-n3"]?.promotedOnly == false)
        #expect(bans["cli-ban-ms-stateful-on-n2"]?.promotedOnly == true)
    }

    @Test func nodeStates() throws {
        let status = try CrmMonParser.parse(bytes: CrmMonRendering.render("cib-node-states.xml"))
        #expect(status.summary?.options.stonithEnabled == true)
        #expect(status.summary?.options.noQuorumPolicy == .freeze)
        let byName = Dictionary(uniqueKeysWithValues: status.nodes.map { ($0.name, $0) })
        #expect(byName["n1"]?.isDC == true && byName["n1"]?.resourcesRunning == 2)
        #expect(byName["n2"]?.standby == true && byName["n2"]?.online == true)
        #expect(byName["n3"]?.maintenance == true)
        #expect(byName["n4"]?.online == false && byName["n4"]?.unclean == false && byName["n4"]?.expectedUp == false)
        #expect(byName["n5"]?.online == false && byName["n5"]?.unclean == true)
        #expect(status.nodes.filter { status.isNodeOnline($0.name) }.map(\.name) == ["n1", "n2", "n3"])
        #expect(status.primitives(matching: "fence1")[0].agent == ResourceAgent(standard: "stonith", type: "fence_dummy"))
    }

    @Test func pendingStart() throws {
        let status = try CrmMonParser.parse(bytes: CrmMonRendering.render("cib-pending.xml"))
        #expect(status.pendingOperations == [.resource(id: "slow1", role: .starting, task: nil, nodes: ["n1"])])
        #expect(status.promotedNodes(of: "ms-stateful").isEmpty)
        #expect(status.startedNodes(of: "ms-stateful") == ["n1", "n2"])
    }

    @Test(arguments: ["cib-promotable-2node.xml", "cib-promotable-3node.xml", "cib-node-states.xml", "cib-pending.xml"])
    func legacyRootHasSameBody(cib: String) throws {
        let legacy = try CrmMonParser.parse(bytes: CrmMonRendering.render(cib, legacy: true))
        var modern = try CrmMonParser.parse(bytes: CrmMonRendering.render(cib))
        #expect(legacy.format == .legacy(pacemakerVersion: "2.1.5"))
        #expect(legacy.result == nil && legacy.request == nil)
        // Same body: only the root, <status> and the render time differ.
        modern.format = legacy.format
        modern.request = nil
        modern.result = nil
        modern.summary?.lastUpdate = legacy.summary?.lastUpdate
        #expect(modern == legacy)
    }

    @Test func sharedCIBsRenderAndParse() throws {
        for name in ["cib-2node-ok.xml", "cib-vm-2node-vip.xml"] {
            let path = FixturePaths.shared("crm_mon/" + name)
            let result = try CrmMonRendering.runner.run(Command("crm_mon", ["-1", "--output-as=xml"],
                                                                environment: ["CIB_file": path]))
            try #require(result.succeeded, "\(result.summary)")
            try CrmMonRendering.validate(result.stdout)
            let status = try CrmMonParser.parse(bytes: result.stdout)
            #expect(status.isConnected)
            #expect(!status.nodes.isEmpty && !status.resources.isEmpty)
        }
    }
}
