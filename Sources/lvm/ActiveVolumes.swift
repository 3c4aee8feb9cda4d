import TandemCore

/// The LVs of one VG that are active in this kernel, from the device-mapper devices alone.
///
/// When start saw the VG (its id is in `VolumeIdentity`), a device belongs to it when its uuid
/// carries that id: a `vgrename` or a same-named foreign VG cannot fool the monitor. Without
/// the id (after a reboot, before the first start) the dm name decides. Only the device that
/// stands for an LV counts: not a snapshot's `-cow`, not a RAID image.
struct ActiveVolumes {
    /// One active LV: its device, and the names the kernel knows it by now (they follow a
    /// rename; LVM commands must use these).
    struct Volume {
        let device: DeviceMapperDevice
        let volumeGroup: String
        let name: String
        let id: LVMIdentifier?
    }

    let volumes: [Volume]

    init(volumeGroup: LVMName, identity: VolumeIdentity?, devices: [DeviceMapperDevice]) {
        volumes = devices.compactMap { device in
            guard let uuid = DeviceMapperUUID(parsing: device.uuid), uuid.isTopLevel,
                  let name = DeviceMapperName(parsing: device.name), name.layer == nil || uuid.suffix != nil,
                  let lvName = LVMName(name.logicalVolume), !lvName.isReservedForHiddenVolumes else { return nil }
            if let identity {
                guard uuid.volumeGroup == identity.volumeGroup else { return nil }
            } else {
                guard name.volumeGroup == volumeGroup.text else { return nil }
            }
            return Volume(device: device, volumeGroup: name.volumeGroup, name: name.logicalVolume, id: uuid.logicalVolume)
        }.sorted { $0.name < $1.name }
    }

    var isEmpty: Bool { volumes.isEmpty }
    var names: [String] { volumes.map(\.name) }

    /// The active LV `name` as start knew it (found by its id when known, so a rename since
    /// then still finds it), else by its current name.
    func volume(_ name: String, identity: VolumeIdentity?) -> Volume? {
        if let id = identity?.logicalVolumes.first(where: { $0.name == name })?.id {
            return volumes.first { $0.id == id }
        }
        return volumes.first { $0.name == name }
    }

    func contains(_ name: String) -> Bool { volumes.contains { $0.name == name } }

    /// The group's name as the kernel shows it now (differs from the CIB's after a vgrename).
    var currentGroupName: String? { volumes.first?.volumeGroup }
}
