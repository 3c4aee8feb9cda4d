import TandemCore

/// The DRBD role of the devices a VG sits on, from /proc/drbd (DRBD 8.4, the in-tree module
/// of Debian 12's kernel); no tool runs. DRBD 9 lists no devices there: nothing is known.
enum DRBDBelow {
    /// The minor of `/dev/drbdN` or `/dev/drbd/by-res/…` resolved to it; nil for other devices.
    static func minor(of device: String) -> Int? {
        var path = device
        if let target = FileContents.resolvedPath(device) { path = target }
        guard path.hasPrefix("/dev/drbd") else { return nil }
        return Int(path.dropFirst("/dev/drbd".count))
    }

    /// The minors among `devices` that are Secondary here; nil when /proc/drbd says nothing.
    static func secondaryMinors(among devices: [String], procDRBD: String = "/proc/drbd") -> [Int]? {
        let minors = devices.compactMap(minor(of:))
        guard !minors.isEmpty, let status = status(procDRBD) else { return nil }
        return minors.filter { status.minor($0)?.role == .secondary }
    }

    /// Why a VG on these devices (remembered from an earlier start) is not visible, when DRBD
    /// tells: "/dev/drbd0 is Secondary on this node…".
    static func secondaryHint(devices: [String], procDRBD: String = "/proc/drbd") -> String? {
        guard let status = status(procDRBD) else { return nil }
        let remembered = devices.compactMap(minor(of:))
        let candidates = remembered.isEmpty ? status.minors.map(\.minor) : remembered
        let secondary = candidates.filter { status.minor($0)?.role == .secondary }
        guard !secondary.isEmpty else { return nil }
        let names = secondary.map { "/dev/drbd\($0)" }.joined(separator: ", ")
        return "DRBD \(names) \(secondary.count == 1 ? "is" : "are") Secondary on this node; in single-primary mode "
            + "the group is visible only where DRBD is Primary (order the lvm resource after the promotion)"
    }

    static func status(_ path: String) -> DRBDProcStatus? {
        guard let bytes = FileContents.read(path, limit: 1 << 20) else { return nil }
        return try? DRBDProcReader.parse(String(decoding: bytes, as: UTF8.self))
    }
}
