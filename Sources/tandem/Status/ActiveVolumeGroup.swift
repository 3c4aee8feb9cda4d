import TandemCore

/// A volume group with LVs active in this kernel, read as the lvm agent's monitor reads
/// them: from /sys/block/dm-*/dm alone (no LVM command, no lock, no process).
struct ActiveVolumeGroup: Equatable, Sendable {
    struct Volume: Equatable, Sendable {
        let name: String
        let device: String
        /// I/O to it waits: an LVM change in progress, or a frozen stack below (DRBD suspended).
        let suspended: Bool
        /// Devices stacked on it (a multipath or another dm device).
        let holders: [String]
    }

    let name: String
    let volumes: [Volume]

    /// The groups of the LVM devices among `devices`, by name. Only the device that stands for
    /// an LV counts (not a snapshot's `-cow` nor a RAID image), as in the lvm agent.
    static func groups(from devices: [DeviceMapperDevice]) -> [ActiveVolumeGroup] {
        var byGroup: [String: [Volume]] = [:]
        for device in devices {
            guard let uuid = DeviceMapperUUID(parsing: device.uuid), uuid.isTopLevel,
                  let name = DeviceMapperName(parsing: device.name), name.layer == nil || uuid.suffix != nil,
                  let lvName = LVMName(name.logicalVolume), !lvName.isReservedForHiddenVolumes else { continue }
            byGroup[name.volumeGroup, default: []].append(
                Volume(name: name.logicalVolume, device: device.devicePath, suspended: device.isSuspended(),
                       holders: device.holders()))
        }
        return byGroup.keys.sorted().map { group in
            ActiveVolumeGroup(name: group, volumes: (byGroup[group] ?? []).sorted { $0.name < $1.name })
        }
    }
}
