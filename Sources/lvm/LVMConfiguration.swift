import TandemCore

/// The lvm.conf settings the agent checks, from `lvmconfig --typeconfig full KEY…`: one
/// `name=value` line per key that has a value (a key without one, like an unset volume_list,
/// is left out).
struct LVMConfiguration: Equatable {
    static let keys = ["global/system_id_source", "global/use_lvmlockd", "activation/volume_list"]

    /// `global/system_id_source`: none, uname, lvmlocal, machineid, file, appmachineid.
    var systemIDSource: String?
    var useLVMLockd: Bool
    /// `activation/volume_list`; nil when not set (everything passes).
    var volumeList: [String]?

    init(systemIDSource: String? = nil, useLVMLockd: Bool = false, volumeList: [String]? = nil) {
        self.systemIDSource = systemIDSource
        self.useLVMLockd = useLVMLockd
        self.volumeList = volumeList
    }

    init(lvmconfigOutput text: String) {
        self.init()
        for line in text.split(whereSeparator: \.isNewline) {
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingWhitespace()
            let value = line[line.index(after: equals)...].trimmingWhitespace()
            switch key {
            case "system_id_source": systemIDSource = Self.unquoted(value)
            case "use_lvmlockd": useLVMLockd = value == "1"
            case "volume_list": volumeList = Self.list(value)
            default: break
            }
        }
    }

    /// Whether a system ID source is configured (`none` is not one).
    var hasSystemIDSource: Bool { systemIDSource.map { !$0.isEmpty && $0 != "none" } ?? false }

    /// `["vg0", "@pacemaker"]` → its strings.
    static func list(_ text: String) -> [String] {
        var inner = text[...]
        if inner.hasPrefix("[") { inner = inner.dropFirst() }
        if inner.hasSuffix("]") { inner = inner.dropLast() }
        return inner.split(separator: ",").map { unquoted($0.trimmingWhitespace()) }.filter { !$0.isEmpty }
    }

    static func unquoted(_ text: String) -> String {
        text.count >= 2 && text.hasPrefix("\"") && text.hasSuffix("\"") ? String(text.dropFirst().dropLast()) : text
    }

    /// `  system ID: nodeA` → nodeA; an empty ID → nil.
    static func systemID(inLVMSystemIDOutput text: String) -> String? {
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingWhitespace()
            guard trimmed.hasPrefix("system ID:") else { continue }
            let value = trimmed.dropFirst("system ID:".count).trimmingWhitespace()
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// `  LVM version:     2.03.16(2) (2022-05-18)` → 2.3.16.
    static func version(inLVMVersionOutput text: String) -> DottedVersion? {
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingWhitespace()
            guard trimmed.hasPrefix("LVM version:") else { continue }
            let number = trimmed.dropFirst("LVM version:".count).trimmingWhitespace().prefix { $0.isNumber || $0 == "." }
            return DottedVersion(String(number))
        }
        return nil
    }

    /// Whether volume_list lets `volumeGroup` (or `volumeGroup/logicalVolume`) be activated
    /// with the host tags LVM has. `@tag` entries count only for `tag` (the cluster's tag is
    /// never a host tag): a list naming neither the VG nor that tag keeps it inactive.
    func volumeListAdmits(volumeGroup: String, logicalVolume: String?, tag: String? = nil) -> Bool {
        guard let volumeList else { return true }
        return volumeList.contains { entry in
            entry == volumeGroup || entry == "@*" || (tag.map { entry == "@" + $0 } ?? false)
                || (logicalVolume.map { entry == volumeGroup + "/" + $0 } ?? entry.hasPrefix(volumeGroup + "/"))
        }
    }
}
