import Testing
@testable import TandemCore

/// LVM's names and device-mapper naming, as lvm-string.c and libdm-string.c define them.
@Suite struct LVMNamingTests {
    @Test func namesLVMAccepts() {
        for good in ["vg0", "my-vg", "vg_san", "a.b+c", String(repeating: "v", count: 127)] {
            #expect(LVMName(good) != nil, "\(good)")
        }
        #expect(LVMName.problem("") == "is empty")
        #expect(LVMName.problem("-vg") == "starts with -")
        #expect(LVMName.problem("..") == "is . or ..")
        #expect(LVMName.problem(String(repeating: "v", count: 128)) == "is longer than 127 characters")
        for bad in ["vg/lv", "vg 0", "vg;reboot", "$(id)", "vg'0", "vg\"0", "vgä", "vg\n"] {
            #expect(LVMName(bad) == nil, "\(bad.debugDescription)")
        }
    }

    @Test func hiddenVolumeNames() throws {
        #expect(try #require(LVMName("pool_tdata")).isReservedForHiddenVolumes)
        #expect(try #require(LVMName("r_rimage_0")).isReservedForHiddenVolumes)
        #expect(try #require(LVMName("snapshot1")).isReservedForHiddenVolumes)
        #expect(!(try #require(LVMName("lun0")).isReservedForHiddenVolumes))
    }

    @Test func deviceMapperNamesDoubleEveryDash() throws {
        let name = DeviceMapperName(volumeGroup: "my-vg", logicalVolume: "data-1")
        #expect(name.text == "my--vg-data--1")  // LVM's lv_dm_path for my-vg/data-1
        #expect(DeviceMapperName(parsing: "my--vg-data--1") == name)
        let layer = try #require(DeviceMapperName(parsing: "vg-pool-tpool"))
        #expect(layer.volumeGroup == "vg" && layer.logicalVolume == "pool" && layer.layer == "tpool")
        #expect(DeviceMapperName(parsing: "vg0-pool_tdata")?.logicalVolume == "pool_tdata")
        #expect(DeviceMapperName(parsing: "plain") == nil, "no dash: not an LVM name")
        #expect(DeviceMapperName(parsing: "a--b") == nil, "a doubled dash only: one part")
        #expect(DeviceMapperName(parsing: "a-b-c-d") == nil)
    }

    @Test func deviceMapperUUIDs() throws {
        let vg = try #require(LVMIdentifier("Ycce1q-c30i-tq30-MnHB-HT3p-vaSA-1T7gzj"))
        let lv = try #require(LVMIdentifier("8D3Kkx-q1TY-5Kay-9w13-KjhR-9THE-v0YIhq"))
        #expect(vg.text == "Ycce1qc30itq30MnHBHT3pvaSA1T7gzj")
        let top = try #require(DeviceMapperUUID(parsing: "LVM-" + vg.text + lv.text))
        #expect(top.volumeGroup == vg && top.logicalVolume == lv && top.suffix == nil && top.isTopLevel)
        let cow = try #require(DeviceMapperUUID(parsing: "LVM-" + vg.text + lv.text + "-cow"))
        #expect(cow.suffix == "cow" && !cow.isTopLevel)
        #expect(try #require(DeviceMapperUUID(parsing: "LVM-" + vg.text + lv.text + "-tpool")).isTopLevel)
        #expect(DeviceMapperUUID(parsing: "CRYPT-LUKS2-abc") == nil)
        #expect(DeviceMapperUUID(parsing: "LVM-" + vg.text) == nil)
        #expect(DeviceMapperUUID(parsing: "LVM-" + vg.text + lv.text + "x") == nil)
        #expect(LVMIdentifier("too-short") == nil)
    }
}
