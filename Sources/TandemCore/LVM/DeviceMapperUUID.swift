/// The uuid LVM gives its device-mapper devices: `LVM-` + VG id + LV id, and for a layer
/// device a `-suffix` (`-pool`, `-tpool`, `-real`, `-cow`, …; lvm-string.c `build_dm_uuid`).
/// LVM finds its devices by this uuid, not by name; so does the monitor (a `vgrename` or a
/// same-named foreign VG cannot fool it).
public struct DeviceMapperUUID: Hashable, Sendable {
    public let volumeGroup: LVMIdentifier
    public let logicalVolume: LVMIdentifier
    /// nil for the LV's own (top-level) device.
    public let suffix: String?

    public init(volumeGroup: LVMIdentifier, logicalVolume: LVMIdentifier, suffix: String? = nil) {
        self.volumeGroup = volumeGroup
        self.logicalVolume = logicalVolume
        self.suffix = suffix
    }

    /// nil for a uuid that is not LVM's (another dm user, or none).
    public init?(parsing text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 68, text.hasPrefix("LVM-"),
              let group = LVMIdentifier(String(decoding: bytes[4..<36], as: UTF8.self)),
              let volume = LVMIdentifier(String(decoding: bytes[36..<68], as: UTF8.self)) else { return nil }
        volumeGroup = group
        logicalVolume = volume
        if bytes.count == 68 {
            suffix = nil
        } else {
            guard bytes[68] == UInt8(ascii: "-"), bytes.count > 69 else { return nil }
            suffix = String(decoding: bytes[69...], as: UTF8.self)
        }
    }

    public var text: String { "LVM-" + volumeGroup.text + logicalVolume.text + (suffix.map { "-" + $0 } ?? "") }

    /// The device that stands for the LV being active: its own device, or for a thin pool
    /// `-pool` (activated itself) or `-tpool` (only its thin volumes are).
    public var isTopLevel: Bool { suffix == nil || suffix == "pool" || suffix == "tpool" }
}
