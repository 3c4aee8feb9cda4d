import TandemCore

/// The LVs of one VG that are active in this kernel, from the device-mapper devices alone.
///
/// A device belongs to the VG when its uuid carries the VG's id (known from start), or, when
/// the id is not known (after a reboot), when its LVM uuid goes with a dm name of the VG. Only
/// the device that stands for an LV counts: not a snapshot's `-cow`, not a RAID image.
struct ActiveVolumes {
    /// Active LVs by name, with their device.
    let byName: [String: DeviceMapperDevice]

    init(volumeGroup: LVMName, identity: VolumeIdentity?, devices: [DeviceMapperDevice]) {
        var found: [String: DeviceMapperDevice] = [:]
        for device in devices {
            guard let uuid = DeviceMapperUUID(parsing: device.uuid), uuid.isTopLevel,
                  let name = DeviceMapperName(parsing: device.name), name.layer == nil || uuid.suffix != nil,
                  let lvName = LVMName(name.logicalVolume), !lvName.isReservedForHiddenVolumes else { continue }
            let byID = identity.map { uuid.volumeGroup == $0.volumeGroup } ?? false
            guard byID || name.volumeGroup == volumeGroup.text else { continue }
            found[name.logicalVolume] = device  // the dm name follows an lvrename
        }
        byName = found
    }

    var isEmpty: Bool { byName.isEmpty }
    var names: [String] { byName.keys.sorted() }

    func contains(_ logicalVolume: String) -> Bool { byName[logicalVolume] != nil }
}
