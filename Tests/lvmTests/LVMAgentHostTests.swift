import Foundation
import Testing
import TandemCore
import TandemTestSupport

/// The agent against real LVM metadata on a loop device (see `LoopVolumeGroup`): validation,
/// ownership changes and the post-activation check. Activation itself needs device-mapper:
/// lab case 40 runs it.
@Suite(.serialized) struct LVMAgentHostTests {
    @Test func systemIDStartTakesTheGroupOverAndVerifiesInTheKernel() throws {
        let group = try LoopVolumeGroup(systemID: "nodeA")
        try group.writeConfiguration(systemID: "nodeB")
        let agent = group.agent(["vg_access_mode": "system_id"])
        #expect(try agent.run("validate-all").code == 0)
        let start = try agent.run("start")
        // LVM reports the activation done (activation = 0 makes it a no-op, as a volume_list
        // that filters the group out does): the kernel check must catch it.
        #expect(start.code == 1)
        #expect(start.exitReason()?.hasPrefix("LVM reported vg_test activated, but the kernel has no device for vg_test/lun-1, vg_test/lun0") == true,
                "\(start.stderr)")
        #expect(try group.field("vg_systemid") == "nodeB", "taken over from nodeA (a dead owner's ID named as an extra one)")
        #expect(try group.field("vg_autoactivation") == "", "autoactivation switched off")
        #expect(try agent.run("monitor").code == 7)
        #expect(try agent.run("stop").code == 0, "nothing active: stop succeeds without LVM")
    }

    @Test func tagDetectionAndFirstStart() throws {
        let group = try LoopVolumeGroup(systemID: nil, settings: ["activation": "volume_list = [ \"rootvg\" ]"])
        let agent = group.agent(["vg_access_mode": "tagging"])
        #expect(try agent.run("validate-all").code == 0, "an untagged group is valid for tagging's first start")
        #expect(try agent.run("start").code == 1)
        #expect(try group.field("vg_tags") == "pacemaker")
        var systemID = agent
        systemID.parameters["vg_access_mode"] = "system_id"
        try group.writeConfiguration(systemID: "nodeA")
        let mismatch = try systemID.run("validate-all")
        #expect(mismatch.code == 6)
        #expect(mismatch.exitReason() == "vg_test carries the tag pacemaker, which is vg_access_mode=tagging, "
                + "but vg_access_mode=system_id is configured")
    }

    @Test func hostConfigurationProblemsAreTwo() throws {
        let group = try LoopVolumeGroup(systemID: nil)
        let noSource = try group.agent(["vg_access_mode": "system_id"]).run("validate-all")
        #expect(noSource.code == 2)
        #expect(noSource.exitReason()?.contains("needs global/system_id_source") == true)
        let noList = try group.agent(["vg_access_mode": "tagging"]).run("validate-all")
        #expect(noList.code == 2 && noList.exitReason()?.contains("needs activation/volume_list") == true)
        try group.writeConfiguration(systemID: nil, settings: ["activation": "volume_list = [ \"vg_test\" ]"])
        let admits = try group.agent(["vg_access_mode": "tagging"]).run("start")
        #expect(admits.code == 2 && admits.exitReason()?.contains("admits vg_test on every node") == true)
        let noLockd = try group.agent(["vg_access_mode": "lvmlockd"]).run("validate-all")
        #expect(noLockd.code == 2 && noLockd.exitReason() == "vg_access_mode=lvmlockd needs global/use_lvmlockd=1 in lvm.conf")
        #expect(try group.field("vg_tags") == "", "refused starts changed nothing")
    }

    @Test func groupContentsAndLVMVersion() throws {
        let group = try LoopVolumeGroup(systemID: "nodeA")
        let missingLV = try group.agent(["vg_access_mode": "system_id", "lvname": "nope"]).run("validate-all")
        #expect(missingLV.code == 6 && missingLV.exitReason() == "vg_test has no logical volume nope")
        let majority = try group.agent(["vg_access_mode": "system_id", "majority_pvs": "true"]).run("start")
        #expect(majority.code == 5, "Debian 12's LVM 2.03.16 has no --majoritypvs")
        #expect(majority.exitReason()?.contains("LVM 2.03.17 and later") == true)
        let clvmd = try group.agent(["vg_access_mode": "clvmd"]).run("start")
        #expect(clvmd.code == 5 && clvmd.exitReason()?.contains("use vg_access_mode=lvmlockd") == true)
        let gone = try group.agent(["vg_access_mode": "system_id", "vgname": "vg_absent"]).run("start")
        #expect(gone.code == 1 && gone.exitReason()?.hasPrefix("volume group vg_absent is not visible on this node") == true)
        #expect(try group.agent(["vg_access_mode": "system_id", "vgname": "vg_absent"]).run("monitor").code == 7,
                "a probe of a group not visible yet")
    }

    /// Bad names never reach LVM: 6 with the reason, nothing run, nothing changed.
    @Test func badInputIsRefusedBeforeAnyCommand() throws {
        let group = try LoopVolumeGroup(systemID: "nodeA")
        try group.writeConfiguration(systemID: "nodeB")
        for (name, value) in [("vgname", "vg;reboot"), ("vgname", "../etc"), ("vgname", ""), ("lvname", "a b"),
                              ("lvname", "pool_tdata"), ("vg_access_mode", "exclusive"), ("tag", "pace maker"),
                              ("activation_mode", "both")] {
            var agent = group.agent(["vg_access_mode": "system_id"])
            agent.parameters[name] = value
            let start = try agent.run("start")
            #expect(start.code == 6, "\(name)=\(value): \(start.stderr)")
            #expect(start.exitReason()?.contains(name) == true, "\(name)=\(value): \(start.stderr)")
        }
        let shared = try group.agent(["vg_access_mode": "system_id", "activation_mode": "shared"]).run("start")
        #expect(shared.code == 6 && shared.exitReason()?.contains("needs vg_access_mode=lvmlockd") == true)
        #expect(try group.field("vg_systemid") == "nodeA", "nothing changed")
    }

    /// LVs `vgchange -ay` leaves out on purpose (a thin snapshot's activation-skip flag) are not
    /// expected active: otherwise one backup snapshot would make every start fail.
    @Test func volumesThatSkipActivationAreNotExpected() throws {
        let group = try LoopVolumeGroup(systemID: "nodeA")
        try group.lvm("lvchange", ["-ky", "vg_test/lun-1"])
        let start = try group.agent(["vg_access_mode": "system_id"]).run("start")
        #expect(start.code == 1)
        #expect(start.exitReason() == "LVM reported vg_test activated, but the kernel has no device for vg_test/lun0 (activation/volume_list?)")
    }

    @Test func combinationsLVMRefusesAreSixBeforeAnythingChanges() throws {
        let group = try LoopVolumeGroup(systemID: "nodeA")
        try group.writeConfiguration(systemID: "nodeB")
        let both = try group.agent(["vg_access_mode": "system_id", "partial_activation": "true",
                                    "degraded_activation": "true"]).run("start")
        #expect(both.code == 6 && both.exitReason()?.contains("cannot be combined") == true, "\(both.stderr)")
        #expect(try group.field("vg_systemid") == "nodeA")
        try group.writeConfiguration(systemID: "nodeA")
        try group.lvm("vgexport", ["vg_test"])
        let exported = try group.agent(["vg_access_mode": "system_id"]).run("validate-all")
        #expect(exported.code == 6 && exported.exitReason() == "vg_test is exported (vgexport): vgimport it first")
    }
}
