import Testing
import TandemCore
@testable import lvm

/// Which LVs count as active, from dm devices as /sys/block/dm-*/dm shows them.
@Suite struct ActiveVolumesTests {
    static let vg = "Ycce1qc30itq30MnHBHT3pvaSA1T7gzj"
    static let lun0 = "8D3Kkxq1TY5Kay9w13KjhR9THEv0YIhq"
    static let lun1 = "cB7lVmbUvGR1EeVk2YVxGeFJ1GuvSpAI"
    static let other = "Zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"

    func device(_ n: Int, _ name: String, _ uuid: String) -> DeviceMapperDevice {
        DeviceMapperDevice(kernelName: "dm-\(n)", name: name, uuid: uuid)
    }

    @Test func byUUIDWhenStartSawTheGroup() throws {
        let identity = VolumeIdentity(volumeGroup: try #require(LVMIdentifier(Self.vg)), logicalVolumes: [])
        let devices = [
            device(0, "renamed-lun0", "LVM-\(Self.vg)\(Self.lun0)"),                  // after vgrename
            device(1, "vg--san-lun--1", "LVM-\(Self.vg)\(Self.lun1)"),
            device(2, "vg--san-lun--1-cow", "LVM-\(Self.vg)\(Self.lun1)-cow"),        // a layer
            device(3, "vg--san-r_rimage_0", "LVM-\(Self.vg)\(Self.other)"),           // a RAID image: 68 chars too
            device(4, "vg--san-x", "CRYPT-LUKS2-\(Self.vg)"),                         // not LVM's
        ]
        let active = ActiveVolumes(volumeGroup: try #require(LVMName("vg-san")), identity: identity, devices: devices)
        #expect(active.names == ["lun-1", "lun0"])
        #expect(active.volumes.first { $0.name == "lun-1" }?.device.kernelName == "dm-1")
        #expect(active.volumes.first { $0.name == "lun0" }?.volumeGroup == "renamed", "LVM commands need the current name")
        // A same-named group that is not the one start saw does not count once its id is known.
        let foreign = [device(5, "vg--san-lun0", "LVM-\(Self.other)\(Self.lun0)")]
        #expect(ActiveVolumes(volumeGroup: try #require(LVMName("vg-san")), identity: identity, devices: foreign).isEmpty)
    }

    /// lvname=lun0 renamed to lun-new by the admin: found by the id start saw, stopped by its new name.
    @Test func aRenamedVolumeIsFoundByItsID() throws {
        let identity = VolumeIdentity(volumeGroup: try #require(LVMIdentifier(Self.vg)), logicalVolumes: [
            .init(name: "lun0", id: try #require(LVMIdentifier(Self.lun0)), devices: [])])
        let devices = [device(0, "vg0-lun--new", "LVM-\(Self.vg)\(Self.lun0)")]
        let active = ActiveVolumes(volumeGroup: try #require(LVMName("vg0")), identity: identity, devices: devices)
        #expect(active.volume("lun0", identity: identity)?.name == "lun-new")
        #expect(active.volume("lun0", identity: nil) == nil)
    }

    @Test func byNameAfterAReboot() throws {
        let devices = [device(0, "vg--san-lun0", "LVM-\(Self.vg)\(Self.lun0)"),
                       device(1, "othervg-lun0", "LVM-\(Self.other)\(Self.lun0)"),
                       device(2, "vg--san-fake", "")]
        let active = ActiveVolumes(volumeGroup: try #require(LVMName("vg-san")), identity: nil, devices: devices)
        #expect(active.names == ["lun0"])
        let none = ActiveVolumes(volumeGroup: try #require(LVMName("vg0")), identity: nil, devices: devices)
        #expect(none.isEmpty)
    }

    @Test func identityFileRoundTrip() throws {
        let identity = VolumeIdentity(volumeGroup: try #require(LVMIdentifier(Self.vg)), logicalVolumes: [
            .init(name: "lun0", id: try #require(LVMIdentifier(Self.lun0)), devices: ["/dev/drbd0"]),
            .init(name: "lun-1", id: try #require(LVMIdentifier(Self.lun1)), devices: []),
        ], physicalVolumes: ["/dev/drbd0"])
        #expect(VolumeIdentity(text: identity.text) == identity)
        #expect(VolumeIdentity(text: "garbage\n") == nil)
    }

    @Test func mountPointsFromMountInfo() {
        let info = """
            22 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda1 rw
            40 22 253:3 / /srv/data rw,relatime shared:2 - xfs /dev/mapper/vg-lun0 rw
            """
        #expect(DeviceUsers.mountPoints(of: "253:3", in: info) == ["/srv/data"])
        #expect(DeviceUsers.mountPoints(of: "253:4", in: info).isEmpty)
    }
}
