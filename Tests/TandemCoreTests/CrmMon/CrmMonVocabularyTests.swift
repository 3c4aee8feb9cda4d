import Testing
@testable import TandemCore

/// Roles, agents, scores, versions: the small vocabularies the parser relies on.
@Suite struct CrmMonVocabularyTests {
    @Test func rolesAcceptOldAndNewSpellings() {
        #expect(ResourceRole(parsing: "Master") == .promoted)
        #expect(ResourceRole(parsing: "SLAVE") == .unpromoted)
        #expect(ResourceRole(parsing: "promoted") == .promoted)
        #expect(ResourceRole(parsing: "Unpromoted") == .unpromoted)
        #expect(ResourceRole(parsing: "Rebooting") == .unknown)
        for role in ResourceRole.allCases {
            #expect(ResourceRole(parsing: role.rawValue) == role)
            #expect(ResourceRole(parsing: role.rawValue.uppercased()) == role)
        }
    }

    @Test func rolesFromXMLMatchRolesFromText() throws {
        let words = ResourceRole.allCases.map(\.rawValue) + ["Master", "slave", "MASTER", "Promotedx", "", "S", "Started "]
        for word in words {
            let status = try CrmMonParser.parse(string: "<crm_mon version=\"1\"><resources><resource id=\"r\" role=\"\(word)\"/></resources></crm_mon>")
            #expect(status.primitives(matching: "r").first?.role == ResourceRole(parsing: word), "\(word)")
        }
    }

    @Test(arguments: [
        ("ocf:heartbeat:IPaddr2", ResourceAgent(standard: "ocf", provider: "heartbeat", type: "IPaddr2")),
        ("ocf::heartbeat:IPaddr2", ResourceAgent(standard: "ocf", provider: "heartbeat", type: "IPaddr2")),
        ("stonith:fence_ipmilan", ResourceAgent(standard: "stonith", type: "fence_ipmilan")),
        ("systemd:foo", ResourceAgent(standard: "systemd", type: "foo")),
        ("systemd:getty@tty1:x", ResourceAgent(standard: "systemd", type: "getty@tty1:x")),
        ("lsb:bar", ResourceAgent(standard: "lsb", type: "bar")),
    ])
    func agents(text: String, expected: ResourceAgent) {
        #expect(ResourceAgent(parsing: text) == expected)
    }

    @Test(arguments: ["", "ocf", ":x", "ocf:", "ocf:heartbeat:", "stonith:"])
    func invalidAgents(text: String) {
        #expect(ResourceAgent(parsing: text) == nil)
    }

    @Test func agentDescriptionIsCurrentSpelling() {
        #expect(ResourceAgent(parsing: "ocf::linbit:drbd")?.description == "ocf:linbit:drbd")
        #expect(ResourceAgent(parsing: "stonith:fence_x")?.description == "stonith:fence_x")
    }

    @Test func scores() {
        #expect(PacemakerScore.parse("INFINITY") == 1_000_000)
        #expect(PacemakerScore.parse("+INFINITY") == 1_000_000)
        #expect(PacemakerScore.parse("-INFINITY") == -1_000_000)
        #expect(PacemakerScore.parse("-infinity") == -1_000_000)
        #expect(PacemakerScore.parse("42") == 42)
        #expect(PacemakerScore.parse("+7") == 7)
        #expect(PacemakerScore.parse("5000000") == 1_000_000)
        #expect(PacemakerScore.parse("ten") == nil)
    }

    @Test func promotionScoreNames() {
        let attributes = NodeAttributes(node: "a", attributes: [
            .init(name: "master-drbd0:0", value: "100"), .init(name: "master-drbd0:1", value: "250"),
            .init(name: "master-drbd01", value: "999"), .init(name: "master-drbd0:x", value: "999"),
            .init(name: "master-other", value: "1"),
        ])
        #expect(attributes.promotionScore(for: "drbd0") == 250)
        #expect(attributes.promotionScore(for: "other") == 1)
        #expect(attributes.promotionScore(for: "drbd") == nil)
        #expect(attributes.value(of: "master-other") == "1")
    }

    @Test func dottedVersions() throws {
        let v = { (text: String) in try #require(DottedVersion(text)) }
        #expect(try v("3.10.0") > v("3.2.0"))
        #expect(try v("3.2") == v("3.2.0"))
        #expect(try v("3.2.0") < v("3.2.1"))
        #expect(try v("2.1.5-rc1") == v("2.1.5"))
        #expect(try v("3.16.1").description == "3.16.1")
        #expect(DottedVersion("x.1") == nil)
        #expect(DottedVersion("") == nil)
    }

    @Test func failureResourceIDs() {
        var failure = ResourceFailure()
        failure.operationKey = "my_rsc_migrate_to_0"
        failure.task = "migrate_to"
        #expect(failure.resourceID == "my_rsc")
        failure.task = nil
        failure.operationKey = "my_rsc_monitor_10000"
        #expect(failure.resourceID == "my_rsc")
        failure.operationKey = "weird"
        #expect(failure.resourceID == "weird")
    }

    @Test func noQuorumPolicies() {
        #expect(ClusterOptions.NoQuorumPolicy(parsing: "suicide") == .fence)
        #expect(ClusterOptions.NoQuorumPolicy(parsing: "freeze") == .freeze)
        #expect(ClusterOptions.NoQuorumPolicy(parsing: "panic") == .unknown)
    }
}
