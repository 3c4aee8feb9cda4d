/// One device-mapper device as the kernel shows it under /sys/block/dm-N/: read without any
/// dm ioctl, LVM command or lock, so a hung LVM or a held VG lock cannot stall the reader.
/// Name and uuid are read when the device is listed; what only some callers need (suspended,
/// holders) is read when asked, so the recurring monitor reads two files per device.
public struct DeviceMapperDevice: Sendable {
    /// `dm-3`: /dev/dm-3 is the device node.
    public let kernelName: String
    /// `dm/name`.
    public let name: String
    /// `dm/uuid` (empty when none was set).
    public let uuid: String
    /// Where it was read (normally /sys/block).
    public let sysBlock: AttributeTree

    public init(kernelName: String, name: String, uuid: String,
                sysBlock: AttributeTree = AttributeTree(root: "/sys/block")) {
        self.kernelName = kernelName
        self.name = name
        self.uuid = uuid
        self.sysBlock = sysBlock
    }

    public var devicePath: String { "/dev/" + kernelName }

    /// `dm/suspended`, read now: I/O to it waits (an LVM change in progress, or a frozen stack
    /// below). False when the device went away.
    public func isSuspended() -> Bool {
        (try? sysBlock.read(kernelName + "/dm/suspended").trimmingWhitespace()) == "1"
    }

    /// `holders/`, read now: devices stacked on this one (dm, md), which keep it open.
    public func holders() -> [String] {
        ((try? sysBlock.children(kernelName + "/holders")) ?? []).sorted()
    }

    /// Every dm device under `sysBlock` (normally /sys/block). A device that goes away while
    /// it is read is left out: it is not there any more.
    public static func all(in sysBlock: AttributeTree = AttributeTree(root: "/sys/block")) -> [DeviceMapperDevice] {
        guard let entries = try? sysBlock.children("") else { return [] }
        return entries.filter { $0.hasPrefix("dm-") }.sorted().compactMap { entry in
            guard let name = try? sysBlock.read(entry + "/dm/name").trimmingWhitespace() else { return nil }
            let uuid = (try? sysBlock.read(entry + "/dm/uuid").trimmingWhitespace()) ?? ""
            return DeviceMapperDevice(kernelName: entry, name: name, uuid: uuid, sysBlock: sysBlock)
        }
    }
}
