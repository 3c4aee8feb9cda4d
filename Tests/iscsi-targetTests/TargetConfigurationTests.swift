import Testing
import TandemCore
@testable import iscsi_target

@Suite struct TargetConfigurationTests {
    static func configuration(_ parameters: [String: String], instance: String = "p_target",
                              meta: [String: String] = [:], node: String? = nil) -> TargetConfiguration {
        var variables = ["OCF_RESOURCE_INSTANCE": instance, "OCF_RESKEY_iqn": "iqn.2026-01.org.example:t"]
        for (key, value) in parameters { variables["OCF_RESKEY_" + key] = value }
        for (key, value) in meta { variables["OCF_RESKEY_CRM_meta_" + key] = value }
        let environment = OCFEnvironment(variables)
        let (values, _, _) = ParameterValues.parse(TargetDeclaration.agent, from: environment)
        return TargetConfiguration(values, resourceName: environment.resourceBaseName,
                                   meta: ResourceMeta(environment), localNode: node)
    }

    /// In a promotable clone each node finds its own group id in the one CIB definition, or
    /// takes corosync's nodeid; the same id twice, or a node without one, is refused.
    @Test func aPromotableTargetHasAGroupIDPerNode() {
        let promotable = ["promotable": "true", "on_node_uuid": "2"]
        let listed = Self.configuration(["luns": "0:/dev/drbd0", "alua_group_ids": "s1=11 s2=12"], meta: promotable, node: "s2")
        #expect(listed.alua == TargetConfiguration.ALUA(groupID: 12, unpromoted: .nonoptimized, peerGroupIDs: [11]))
        #expect(listed.problems.isEmpty && listed.hostProblem == nil)
        let derived = Self.configuration(["luns": "0:/dev/drbd0", "alua_unpromoted_state": "standby"], meta: promotable, node: "s2")
        #expect(derived.alua == TargetConfiguration.ALUA(groupID: 2, unpromoted: .standby))
        #expect(derived.alua?.groupName == "tandem_tg2")
        #expect(Self.configuration(["luns": "0:/dev/drbd0"]).alua == nil, "a primitive has no group")

        let twice = Self.configuration(["luns": "0:/dev/drbd0", "alua_group_ids": "s1=1 s2=1"], meta: promotable, node: "s1")
        #expect(twice.problems == ["alua_group_ids gives two nodes the same id: a client would merge their paths into one group"])
        let missing = Self.configuration(["luns": "0:/dev/drbd0", "alua_group_ids": "s2=2"], meta: promotable, node: "s1")
        #expect(missing.alua == nil && missing.problems.isEmpty)
        #expect(missing.hostProblem == "alua_group_ids has no id for this node (s1): add s1=<id>")
        let bigNodeID = Self.configuration(["luns": "0:/dev/drbd0"], meta: ["promotable": "true", "on_node_uuid": "3232235777"], node: "s1")
        #expect(bigNodeID.hostProblem?.contains("set alua_group_ids") == true)
        let noLUN = Self.configuration([:], meta: promotable, node: "s1")
        #expect(noLUN.problems == ["a promotable target needs a LUN: its role is the ALUA state of its LUNs"])
    }

    /// Write-back caching on a cloned target (both nodes export the same LUNs over dual-primary
    /// DRBD) is refused unless forced, where the backend honours it; a primitive may have it,
    /// and LIO ignores it (its block backstore has no cache).
    @Test func writeCacheOnAClonedTargetNeedsForce() {
        let promotable = ["promotable": "true", "on_node_uuid": "1", "clone_max": "2"]
        func problem(_ parameters: [String: String], _ meta: [String: String], _ backend: TargetImplementation?) -> String? {
            let environment = OCFEnvironment(meta.reduce(into: [:]) { $0["OCF_RESKEY_CRM_meta_" + $1.key] = $1.value })
            return Self.configuration(parameters, meta: meta, node: "s1")
                .writeCacheProblem(meta: ResourceMeta(environment), backend: backend)
        }
        let cached = ["luns": "0:/dev/drbd0", "write_cache": "true"]
        #expect(problem(cached, promotable, .scst)?.hasPrefix("write_cache=true on a cloned target") == true)
        #expect(problem(cached, promotable, .scst)?.contains("force_write_cache=true") == true)
        #expect(problem(cached, ["clone_max": "2"], .tgt) != nil, "a clone that is not promotable exports the LUNs on both nodes too")
        #expect(problem(cached.merging(["force_write_cache": "true"]) { $1 }, promotable, .scst) == nil)
        #expect(problem(cached, [:], .tgt) == nil, "a primitive")
        #expect(problem(cached, ["clone_max": "1"], .tgt) == nil)
        #expect(problem(cached, promotable, .lio) == nil && problem(cached, promotable, .lioT) == nil, "LIO ignores write_cache")
        #expect(problem(["luns": "0:/dev/drbd0"], promotable, .scst) == nil)
        #expect(Self.configuration(cached, meta: promotable, node: "s1").problems.isEmpty, "not a parameter conflict")
    }

    /// The role is the LUNs' group state; anything else a promotable target shows is a
    /// discrepancy (monitor 1): the default group, another id, a preferred non-optimized
    /// group, LUNs in different states.
    @Test func aluaDiscrepanciesAndRole() {
        let configuration = Self.configuration(["luns": "0:/dev/a 1:/dev/b", "alua_group_ids": "s1=1 s2=2"],
                                               meta: ["promotable": "true"], node: "s1")
        func state(_ groups: TargetState.ALUAGroup?...) -> TargetState {
            TargetState(enabled: true, luns: groups.enumerated().map {
                TargetState.LUN(number: $0.offset, path: ["/dev/a", "/dev/b"][$0.offset], serial: "", alua: $0.element)
            }, openToAll: true, initiators: [], incomingUsers: [], sessions: 0)
        }
        let optimized = TargetState.ALUAGroup(name: "tandem_tg1", id: 1, state: .activeOptimized, preferred: true)
        let nonOptimized = TargetState.ALUAGroup(name: "tandem_tg1", id: 1, state: .activeNonOptimized, preferred: false)
        #expect(state(optimized, optimized).aluaDiscrepancies(from: configuration).isEmpty)
        #expect(state(optimized, optimized).aluaPromoted)
        #expect(state(nonOptimized, nonOptimized).aluaDiscrepancies(from: configuration).isEmpty)
        #expect(!state(nonOptimized, nonOptimized).aluaPromoted)
        #expect(state(optimized, nonOptimized).aluaDiscrepancies(from: configuration)
                == ["some LUNs are active/optimized and some are not (a promote or demote did not finish)"])
        let defaultGroup = TargetState.ALUAGroup(name: "default_tg_pt_gp", id: 0, state: .activeOptimized, preferred: false)
        #expect(state(optimized, defaultGroup).aluaDiscrepancies(from: configuration).first
                == "LUN 1 is not in target port group tandem_tg1 (default_tg_pt_gp)")
        var preferredNonOptimized = nonOptimized
        preferredNonOptimized.preferred = true
        #expect(state(nonOptimized, preferredNonOptimized).aluaDiscrepancies(from: configuration)
                == ["LUN 1's group is preferred while active/non-optimized"])
        var standby = nonOptimized
        standby.state = .standby
        #expect(state(standby, standby).aluaDiscrepancies(from: configuration)
                == ["LUN 0's target port group is standby", "LUN 1's target port group is standby"],
                "standby only when configured")
        var otherID = nonOptimized
        otherID.id = 7
        #expect(state(otherID, nonOptimized).aluaDiscrepancies(from: configuration)
                == ["LUN 0's target port group has id 7, configured 1"])
    }

    @Test func lunsAndTheISCSILogicalUnitFormMerge() {
        let configuration = Self.configuration(["luns": "2:/dev/vg/b 1:/dev/vg/a", "lun": "3", "path": "/dev/vg/c"])
        #expect(configuration.luns.map(\.number) == [1, 2, 3])
        #expect(configuration.luns.map(\.path.text) == ["/dev/vg/a", "/dev/vg/b", "/dev/vg/c"])
        #expect(configuration.problems.isEmpty)
    }

    @Test func conflictsBetweenParametersAreProblems() {
        #expect(Self.configuration(["luns": "1:/dev/a 1:/dev/b"]).problems == ["LUN 1 is configured twice"])
        #expect(Self.configuration(["luns": "1:/dev/a 2:/dev/a"]).problems == ["/dev/a backs both LUN 1 and LUN 2"])
        #expect(Self.configuration(["lun": "1"]).problems == ["lun is set without path"])
        #expect(Self.configuration(["path": "/dev/a"]).problems == ["path is set without lun"])
        #expect(Self.configuration(["incoming_username": "u"]).problems == ["incoming_username is set without incoming_password"])
        #expect(Self.configuration(["incoming_password": "secretsecret"]).problems
                == ["incoming_password is set without incoming_username"])
        let twice = "iqn.2026-01.org.example:c iqn.2026-01.org.example:c"
        #expect(Self.configuration(["allowed_initiators": twice]).problems == ["allowed_initiators names an initiator twice"])
    }

    /// Every node derives the same serials and ids from the resource name (a clone's `:N`
    /// is not part of it), distinct per LUN.
    @Test func identitiesAreTheSameOnEveryNodeAndDistinctPerLUN() {
        let one = Self.configuration(["luns": "1:/dev/a 2:/dev/b"], instance: "p_target:0")
        let other = Self.configuration(["luns": "1:/dev/a 2:/dev/b"], instance: "p_target:1")
        #expect(one.luns.map(\.identity) == other.luns.map(\.identity))
        #expect(Set(one.luns.map(\.identity.serial)).count == 2 && Set(one.luns.map(\.identity.deviceID)).count == 2)
        #expect(one.luns[0].identity.serial.count == 16 && one.luns[0].identity.serial.allSatisfy(\.isHexDigit))
        #expect(one.luns[1].identity.serial.hasSuffix("0002"))
        let renamed = Self.configuration(["luns": "1:/dev/a"], instance: "p_other")
        #expect(renamed.luns[0].identity.serial != one.luns[0].identity.serial)
    }

    /// tgt builds the WWID (NAA) from the hex digits of the device id, other characters
    /// counting as 0: the derived ids are all hex, so names that differ only in other letters
    /// (san_vm, san_xy) or after 16 characters still give distinct WWIDs.
    @Test func derivedDeviceIDsAreHexAndDistinct() {
        let names = ["san_vm", "san_xy", "p_iscsi_target_01x", "p_iscsi_target_01y"]
        let ids = names.map { Self.configuration(["luns": "1:/dev/a"], instance: $0).luns[0].identity.deviceID }
        #expect(ids.allSatisfy { $0.count == 32 && $0.allSatisfy(\.isHexDigit) }, "\(ids)")
        #expect(Set(ids).count == names.count)
        #expect(LUNIdentity.hexDigitCount("disk-0") == 2)
    }

    /// A LUN's identity never depends on how many LUNs there are: adding one (a reload) leaves
    /// the others' WWIDs alone. iSCSILogicalUnit's lun/path LUN keeps scsi_sn and scsi_id as
    /// configured; luns entries get their number appended.
    @Test func configuredSerialsAndIDsDoNotDependOnTheLUNCount() {
        let alone = Self.configuration(["lun": "1", "path": "/dev/a", "scsi_sn": "abc123", "scsi_id": "disk0"])
        #expect(alone.luns[0].identity.serial == "abc123" && alone.luns[0].identity.deviceID == "disk0")
        let grown = Self.configuration(["lun": "1", "path": "/dev/a", "luns": "2:/dev/b", "scsi_sn": "abc123",
                                        "scsi_id": "disk0"])
        #expect(grown.luns[0].identity == alone.luns[0].identity)
        #expect(grown.luns[1].identity.serial == "abc1230002" && grown.luns[1].identity.deviceID == "disk0-2")
        let list = Self.configuration(["luns": "1:/dev/a", "scsi_sn": "abc123", "scsi_id": "disk"])
        let longer = Self.configuration(["luns": "1:/dev/a 10:/dev/b", "scsi_sn": "abc123", "scsi_id": "disk"])
        #expect(list.luns[0].identity == longer.luns[0].identity)
        #expect(longer.luns.map(\.identity.serial) == ["abc1230001", "abc123000a"])
        #expect(longer.luns.map(\.identity.deviceID) == ["disk-1", "disk-10"])
    }

    /// FNV-1a's published test vectors: the derived serials cannot change between builds.
    @Test func theNameHashIsFNV1a() {
        #expect(LUNIdentity.fnv1a("") == 0xcbf2_9ce4_8422_2325)
        #expect(LUNIdentity.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(LUNIdentity.fnv1a("foobar") == 0x8594_4171_f739_67e8)
    }
}
