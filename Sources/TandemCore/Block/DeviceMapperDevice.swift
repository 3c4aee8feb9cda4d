/// One device-mapper device as the kernel shows it under /sys/block/dm-N/: read without any
/// dm ioctl, LVM command or lock, so a hung LVM or a held VG lock cannot stall the reader.
public struct DeviceMapperDevice: Sendable, Equatable {
    /// `dm-3`: /dev/dm-3 is the device node.
    public let kernelName: String
    /// `dm/name`.
    public let name: String
    /// `dm/uuid` (empty when none was set).
    public let uuid: String
    /// `dm/suspended`: I/O to it waits (an LVM change in progress, or a frozen stack below).
    public let suspended: Bool
    /// `holders/`: devices stacked on this one (dm, md), which keep it open.
    public let holders: [String]

    public init(kernelName: String, name: String, uuid: String, suspended: Bool, holders: [String]) {
        self.kernelName = kernelName
        self.name = name
        self.uuid = uuid
        self.suspended = suspended
        self.holders = holders
    }

    public var devicePath: String { "/dev/" + kernelName }

    /// Every dm device under `sysBlock` (normally /sys/block). A device that goes away while
    /// it is read is left out: it is not there any more.
    public static func all(in sysBlock: AttributeTree = AttributeTree(root: "/sys/block")) -> [DeviceMapperDevice] {
        guard let entries = try? sysBlock.children("") else { return [] }
        return entries.filter { $0.hasPrefix("dm-") }.sorted().compactMap { entry in
            guard let name = try? sysBlock.read(entry + "/dm/name").trimmingWhitespace() else { return nil }
            let uuid = (try? sysBlock.read(entry + "/dm/uuid").trimmingWhitespace()) ?? ""
            let suspended = (try? sysBlock.read(entry + "/dm/suspended").trimmingWhitespace()) == "1"
            let holders = ((try? sysBlock.children(entry + "/holders")) ?? []).sorted()
            return DeviceMapperDevice(kernelName: entry, name: name, uuid: uuid, suspended: suspended, holders: holders)
        }
    }
}
