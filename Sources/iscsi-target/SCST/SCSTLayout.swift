import TandemCore

/// Where a resource's objects live in SCST's sysfs tree (`/sys/kernel/scst_tgt`), by names
/// derived from the resource, so that stop and monitor find exactly what this resource made:
/// - a vdisk_blockio device per LUN, `devices/<resource>-lun<N>`;
/// - the target `targets/iscsi/<iqn>`, its LUNs in the default set (every initiator) or in the
///   initiator group `allowed` (allowed_initiators);
/// - in a promotable clone, the device group `device_groups/<resource>` with a target group
///   per node, `tandem_tg<id>`: this node's target as its member, the other node's as a remote
///   member `remote_tg<id>` (SCST reports both groups, so each node states both).
struct SCSTLayout: Sendable, Equatable {
    let resource: String
    let iqn: ISCSIName

    static let handler = "handlers/vdisk_blockio"
    /// Where SCST keeps persistent reservations; it refuses a device without the directory.
    static let reservationDirectory = "/var/lib/scst/pr"
    static let initiatorGroup = "allowed"

    func deviceName(_ lun: Int) -> String { "\(resource)-lun\(lun)" }
    func device(_ lun: Int) -> String { "devices/" + deviceName(lun) }
    var target: String { "targets/iscsi/\(iqn)" }
    var group: String { target + "/ini_groups/" + Self.initiatorGroup }
    var deviceGroup: String { "device_groups/\(resource)" }
    func targetGroupName(_ id: Int) -> String { "tandem_tg\(id)" }
    func targetGroup(_ id: Int) -> String { deviceGroup + "/target_groups/" + targetGroupName(id) }
    func remoteMember(_ id: Int) -> String { "remote_tg\(id)" }

    /// Whether a device name is one of this resource's (`<resource>-lun<digits>`).
    func isOwnDevice(_ name: String) -> Bool { lunNumber(ofDevice: name) != nil }

    func lunNumber(ofDevice name: String) -> Int? {
        let prefix = resource + "-lun"
        guard name.hasPrefix(prefix) else { return nil }
        let digits = name.dropFirst(prefix.count)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }

    /// The NAA id a LUN gets: LIO's company id and the serial's first 25 hex digits (missing
    /// digits 0), so a client sees the same WWID (`36001405…`) on SCST as on LIO.
    static func naaID(serial: String) -> String {
        let digits = serial.filter(\.isHexDigit).lowercased().prefix(25)
        return "6001405" + digits + String(repeating: "0", count: 25 - digits.count)
    }

    /// An NAA id as sysfs shows it (`0x6001405…`), without the prefix, lower case.
    static func naaID(fromAttribute text: String) -> String {
        let trimmed = text.trimmingWhitespace().lowercased()
        return trimmed.hasPrefix("0x") ? String(trimmed.dropFirst(2)) : trimmed
    }
}
