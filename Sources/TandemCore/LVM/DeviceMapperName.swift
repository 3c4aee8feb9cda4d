/// How LVM names its device-mapper devices: `VG-LV[-layer]`, every `-` inside a part doubled
/// (libdm-string.c `dm_build_dm_name`), so `my-vg`/`data-1` is `my--vg-data--1`. The split is
/// unambiguous: names never start with `-`.
public struct DeviceMapperName: Hashable, Sendable {
    public let volumeGroup: String
    public let logicalVolume: String
    /// A layer LVM adds (`real`, `cow`, `tpool`, …), nil for the LV itself.
    public let layer: String?

    public init(volumeGroup: String, logicalVolume: String, layer: String? = nil) {
        self.volumeGroup = volumeGroup
        self.logicalVolume = logicalVolume
        self.layer = layer
    }

    /// The dm name: what /sys/block/dm-N/dm/name and /dev/mapper show.
    public var text: String {
        func quoted(_ part: String) -> String { part.replacingAll("-", with: "--") }
        var name = quoted(volumeGroup) + "-" + quoted(logicalVolume)
        if let layer { name += "-" + quoted(layer) }
        return name
    }

    /// Splits a dm name at single dashes, undoing the doubling; nil when it is not an LVM name.
    public init?(parsing name: String) {
        var parts: [String] = []
        var current = ""
        var characters = name[...]
        while let character = characters.first {
            characters = characters.dropFirst()
            if character == "-" {
                if characters.first == "-" {
                    current.append("-")
                    characters = characters.dropFirst()
                } else {
                    parts.append(current)
                    current = ""
                }
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        guard parts.count == 2 || parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        volumeGroup = parts[0]
        logicalVolume = parts[1]
        layer = parts.count == 3 ? parts[2] : nil
    }
}
