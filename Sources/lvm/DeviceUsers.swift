import TandemCore

/// What keeps an LV's device open, as far as the kernel shows it without a process: stacked
/// devices (holders/) and mounts (/proc/self/mountinfo). The open count itself is not in
/// sysfs; an iSCSI target's backstore or a process shows up in neither.
enum DeviceUsers {
    static func describe(_ volumes: [ActiveVolumes.Volume], mountInfo: String = "/proc/self/mountinfo") -> String {
        let mounts = FileContents.read(mountInfo, limit: 1 << 22).map { String(decoding: $0, as: UTF8.self) } ?? ""
        var parts: [String] = []
        for volume in volumes {
            let device = volume.device
            var users: [String] = device.holders().map { "held by \($0)" }
            let number = (try? AttributeTree(root: "/sys/block").read(device.kernelName + "/dev")) ?? ""
            users += mountPoints(of: number, in: mounts).map { "mounted on \($0)" }
            if !users.isEmpty { parts.append("\(volume.name) " + users.joined(separator: ", ")) }
        }
        return parts.joined(separator: "; ")
    }

    /// The mount points of the device `major:minor` in mountinfo text (field 3 is the device,
    /// field 5 the mount point).
    static func mountPoints(of device: String, in mountInfo: String) -> [String] {
        guard !device.isEmpty else { return [] }
        return mountInfo.split(whereSeparator: \.isNewline).compactMap { line in
            let fields = line.split(separator: " ")
            return fields.count > 4 && fields[2] == device ? String(fields[4]) : nil
        }
    }
}
