import Testing
import TandemCore
import TandemTestSupport
@testable import lvm

@Suite struct LVMConfigurationTests {
    @Test func readsLVMConfigOutput() throws {
        let captured = LVMConfiguration(lvmconfigOutput: try FixturePaths.read(FixturePaths.project("lvm/lvmconfig-full.txt")))
        #expect(captured == LVMConfiguration(systemIDSource: "lvmlocal", useLVMLockd: false, volumeList: nil))
        let listed = LVMConfiguration(lvmconfigOutput: "system_id_source=\"none\"\nuse_lvmlockd=1\nvolume_list=[\"rootvg\",\"@pacemaker\"]\n")
        #expect(!listed.hasSystemIDSource && listed.useLVMLockd && listed.volumeList == ["rootvg", "@pacemaker"])
    }

    @Test func systemIDAndVersion() throws {
        #expect(LVMConfiguration.systemID(inLVMSystemIDOutput: try FixturePaths.read(FixturePaths.project("lvm/lvm-systemid.txt"))) == "nodeB")
        #expect(LVMConfiguration.systemID(inLVMSystemIDOutput: "  system ID: \n") == nil)
        let version = LVMConfiguration.version(inLVMVersionOutput: try FixturePaths.read(FixturePaths.project("lvm/lvm-version.txt")))
        #expect(version?.components == [2, 3, 16])
    }

    @Test func volumeListAdmission() {
        let list = LVMConfiguration(volumeList: ["rootvg", "vg1/lv1", "@pacemaker"])
        #expect(!list.volumeListAdmits(volumeGroup: "vg0", logicalVolume: nil))
        #expect(list.volumeListAdmits(volumeGroup: "vg0", logicalVolume: nil, tag: "pacemaker"))
        #expect(list.volumeListAdmits(volumeGroup: "vg1", logicalVolume: "lv1"))
        #expect(!list.volumeListAdmits(volumeGroup: "vg1", logicalVolume: "lv2"))
        #expect(LVMConfiguration().volumeListAdmits(volumeGroup: "vg0", logicalVolume: nil), "unset: all pass")
    }
}
