import TandemCore

/// What start learned from LVM and the monitor needs without asking LVM again: the VG's id,
/// the LVs it activated (id and name), and the PVs. Kept under HA_RSCTMP (empty after a
/// reboot: then the monitor falls back to names).
struct VolumeIdentity: Equatable {
    var volumeGroup: LVMIdentifier
    var logicalVolumes: [VolumeGroupReport.LogicalVolume]
    var physicalVolumes: [String] = []

    /// `vg <id>`, then `lv <id> <name> <device,device>` per LV, `pv <path>` per PV.
    var text: String {
        var lines = ["vg " + volumeGroup.text]
        for volume in logicalVolumes {
            lines.append("lv \(volume.id.text) \(volume.name) \(volume.devices.joined(separator: ","))")
        }
        lines += physicalVolumes.map { "pv " + $0 }
        return lines.joined(separator: "\n") + "\n"
    }

    init(volumeGroup: LVMIdentifier, logicalVolumes: [VolumeGroupReport.LogicalVolume], physicalVolumes: [String] = []) {
        self.volumeGroup = volumeGroup
        self.logicalVolumes = logicalVolumes
        self.physicalVolumes = physicalVolumes
    }

    init?(text: String) {
        var group: LVMIdentifier?
        var volumes: [VolumeGroupReport.LogicalVolume] = []
        var physical: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let words = line.split(separator: " ")
            if words.count == 2, words[0] == "pv" {
                physical.append(String(words[1]))
            } else if words.count == 2, words[0] == "vg" {
                group = LVMIdentifier(words[1])
            } else if words.count >= 3, words[0] == "lv", let id = LVMIdentifier(words[1]) {
                let devices = words.count > 3 ? words[3].split(separator: ",").map(String.init) : []
                volumes.append(VolumeGroupReport.LogicalVolume(name: String(words[2]), id: id, devices: devices))
            }
        }
        guard let group else { return nil }
        self.init(volumeGroup: group, logicalVolumes: volumes, physicalVolumes: physical)
    }

    static func load(_ path: String) -> VolumeIdentity? {
        guard let bytes = FileContents.read(path, limit: 1 << 20) else { return nil }
        return VolumeIdentity(text: String(decoding: bytes, as: UTF8.self))
    }

    /// Without the file the monitor matches by name, which is right unless the VG is renamed.
    func save(_ path: String) {
        try? FileContents.writeAtomically(path, Array(text.utf8), createDirectory: true)
    }
}
