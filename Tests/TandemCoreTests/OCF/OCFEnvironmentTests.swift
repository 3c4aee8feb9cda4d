import Testing
@testable import TandemCore

@Suite struct OCFEnvironmentTests {
    @Test func instanceAndCloneSuffix() {
        #expect(OCFEnvironment(["OCF_RESOURCE_INSTANCE": "p_drbd:1"]).resourceBaseName == "p_drbd")
        #expect(OCFEnvironment(["OCF_RESOURCE_INSTANCE": "p_drbd:1"]).resourceInstance == "p_drbd:1")
        #expect(OCFEnvironment(["OCF_RESOURCE_INSTANCE": "vip"]).resourceBaseName == "vip")
        #expect(OCFEnvironment(["OCF_RESOURCE_INSTANCE": "odd:name"]).resourceBaseName == "odd:name")
        #expect(OCFEnvironment([:]).resourceInstance == "default")
    }

    @Test func defaultsForDirectoriesAndPrefix() {
        let environment = OCFEnvironment([:])
        #expect(environment.rscTmp == "/run/resource-agents")
        #expect(environment.sbinDir == nil)
        #expect(environment.exitReasonPrefix == "ocf-exit-reason:")
        #expect(environment.checkLevel == 0)
        #expect(environment.featureSet == nil)
        let set = OCFEnvironment(["HA_RSCTMP": "/tmp/x", "HA_SBIN_DIR": "/opt/sbin", "OCF_EXIT_REASON_PREFIX": "why:",
                                  "OCF_CHECK_LEVEL": "10", "OCF_RESKEY_crm_feature_set": "3.16.2"])
        #expect(set.rscTmp == "/tmp/x")
        #expect(set.sbinDir == "/opt/sbin")
        #expect(set.exitReasonPrefix == "why:")
        #expect(set.checkLevel == 10)
        #expect(set.featureSet == FeatureSet(3, 16, 2))
        #expect(OCFEnvironment(["OCF_RESKEY_OCF_CHECK_LEVEL": "20"]).checkLevel == 20)
    }

    @Test func cloneMetaInBothVocabularies() {
        let modern = OCFEnvironment([
            "OCF_RESKEY_CRM_meta_interval": "10000", "OCF_RESKEY_CRM_meta_timeout": "20000",
            "OCF_RESKEY_CRM_meta_clone_max": "2", "OCF_RESKEY_CRM_meta_clone_node_max": "1",
            "OCF_RESKEY_CRM_meta_promoted_max": "2", "OCF_RESKEY_CRM_meta_promoted_node_max": "1",
            "OCF_RESKEY_CRM_meta_master_max": "1", "OCF_RESKEY_CRM_meta_notify": "true",
            "OCF_RESKEY_CRM_meta_globally_unique": "false", "OCF_RESKEY_CRM_meta_on_node": "node1",
            "OCF_RESKEY_CRM_meta_clone": "1",
        ]).meta
        #expect(modern.intervalMilliseconds == 10000)
        #expect(modern.timeoutMilliseconds == 20000)
        #expect(modern.cloneMax == 2 && modern.cloneNodeMax == 1 && modern.isClone)
        #expect(modern.promotedMax == 2, "promoted_max wins over the legacy master_max")
        #expect(modern.promotedNodeMax == 1)
        #expect(modern.notify && !modern.globallyUnique && modern.promotable)
        #expect(modern.onNode == "node1" && modern.cloneInstance == 1)

        let legacy = OCFEnvironment(["OCF_RESKEY_CRM_meta_master_max": "1", "OCF_RESKEY_CRM_meta_master_node_max": "1"]).meta
        #expect(legacy.promotedMax == 1 && legacy.promotedNodeMax == 1 && legacy.promotable)
        let plain = OCFEnvironment([:]).meta
        #expect(plain.intervalMilliseconds == 0 && plain.timeoutMilliseconds == nil)
        #expect(!plain.isClone && !plain.promotable && !plain.notify)
    }

    @Test func notifyInTheModernVocabulary() throws {
        let event = try #require(NotifyEvent(OCFEnvironment([
            "OCF_RESKEY_CRM_meta_notify_type": "pre", "OCF_RESKEY_CRM_meta_notify_operation": "promote",
            "OCF_RESKEY_CRM_meta_notify_promote_resource": "p:1 ", "OCF_RESKEY_CRM_meta_notify_promote_uname": "node2 ",
            "OCF_RESKEY_CRM_meta_notify_promoted_resource": "", "OCF_RESKEY_CRM_meta_notify_promoted_uname": "",
            "OCF_RESKEY_CRM_meta_notify_unpromoted_resource": "p:0 p:1", "OCF_RESKEY_CRM_meta_notify_unpromoted_uname": "node1 node2",
            "OCF_RESKEY_CRM_meta_notify_master_resource": "stale:9", "OCF_RESKEY_CRM_meta_notify_master_uname": "nodeX",
            "OCF_RESKEY_CRM_meta_notify_active_resource": "p:0 p:1", "OCF_RESKEY_CRM_meta_notify_active_uname": "node1 node2",
            "OCF_RESKEY_CRM_meta_notify_inactive_resource": "p:2",
            "OCF_RESKEY_CRM_meta_notify_all_uname": "node1 node2 node3",
            "OCF_RESKEY_CRM_meta_notify_available_uname": "node1 node2",
        ])))
        #expect(event.timing == .pre && event.operation == .promote)
        #expect(event.promoting == [.init(resource: "p:1", node: "node2")])
        #expect(event.unpromoted.map(\.node) == ["node1", "node2"])
        // The legacy list is only a fallback when the modern one is empty; here the modern
        // promoted list is empty, so the legacy one is read.
        #expect(event.promoted == [.init(resource: "stale:9", node: "nodeX")])
        #expect(event.inactive == [.init(resource: "p:2", node: nil)])
        #expect(event.allNodes == ["node1", "node2", "node3"])
        #expect(event.availableNodes == ["node1", "node2"])
        #expect(event.starting.isEmpty && event.stopping.isEmpty)
    }

    @Test func notifyInTheLegacyVocabulary() throws {
        let event = try #require(NotifyEvent(OCFEnvironment([
            "OCF_RESKEY_CRM_meta_notify_type": "post", "OCF_RESKEY_CRM_meta_notify_operation": "demote",
            "OCF_RESKEY_CRM_meta_notify_demote_resource": "drbd:0", "OCF_RESKEY_CRM_meta_notify_demote_uname": "a",
            "OCF_RESKEY_CRM_meta_notify_master_resource": "drbd:0", "OCF_RESKEY_CRM_meta_notify_master_uname": "a",
            "OCF_RESKEY_CRM_meta_notify_slave_resource": "drbd:1", "OCF_RESKEY_CRM_meta_notify_slave_uname": "b",
        ])))
        #expect(event.timing == .post && event.operation == .demote)
        #expect(event.promoted == [.init(resource: "drbd:0", node: "a")])
        #expect(event.unpromoted == [.init(resource: "drbd:1", node: "b")])
        #expect(event.demoting == [.init(resource: "drbd:0", node: "a")])
    }

    @Test func noNotificationOutsideNotify() {
        #expect(NotifyEvent(OCFEnvironment([:])) == nil)
        #expect(NotifyEvent(OCFEnvironment(["OCF_RESKEY_CRM_meta_notify_type": "sideways",
                                            "OCF_RESKEY_CRM_meta_notify_operation": "start"])) == nil)
    }

    @Test func logSettings() {
        #expect(OCFEnvironment(["HA_LOGFACILITY": "local3"]).logSettings.facility == 19 << 3)
        #expect(OCFEnvironment(["PCMK_logfacility": "daemon"]).logSettings.facility == 3 << 3)
        #expect(OCFEnvironment(["HA_LOGFACILITY": "none"]).logSettings.facility == nil)
        #expect(OCFEnvironment(["PCMK_logfile": "/var/log/x"]).logSettings.file == "/var/log/x")
        #expect(OCFEnvironment(["HA_debug": "1"]).logSettings.debug)
        #expect(!OCFEnvironment(["HA_debug": "0"]).logSettings.debug)
        #expect(!OCFEnvironment([:]).logSettings.debug)
    }
}
