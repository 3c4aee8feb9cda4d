import Glibc
import TandemCore

/// The DRBD devices a VG sits on, and the disks under them. Roles come from /proc/drbd (DRBD
/// 8.4, the in-tree module of Debian 12's kernel) without a process; DRBD 9 lists no devices
/// there, so for it one `drbdsetup events2 --now all` tells (at start only: a DRBD 9 Secondary
/// with auto-promote would promote itself on LVM's first write, behind Pacemaker's back).
enum DRBDBelow {
    static var isLoaded: Bool { access("/proc/drbd", F_OK) == 0 }

    /// The minor of `/dev/drbdN` or a link to it (`/dev/drbd/by-res/r0/0`); nil for other devices.
    static func minor(of device: String) -> Int? {
        let path = FileContents.resolvedPath(device) ?? device
        guard path.hasPrefix("/dev/drbd") else { return nil }
        return Int(path.dropFirst("/dev/drbd".count))
    }

    /// The minors among `devices` that are Secondary here; nil when DRBD says nothing about them
    /// (not loaded, or drbdsetup missing or failing on DRBD 9).
    static func secondaryMinors(among devices: [String], runner: CommandRunner,
                                procDRBD: String = "/proc/drbd") -> [Int]? {
        let minors = devices.compactMap(minor(of:))
        guard !minors.isEmpty, let status = status(procDRBD) else { return nil }
        if !status.minors.isEmpty {
            return minors.filter { status.minor($0)?.role == .secondary }
        }
        guard let roles = drbd9Roles(runner: runner) else { return nil }
        return minors.filter { roles[$0] == .secondary }
    }

    /// DRBD 9: each configured minor's resource role, from `drbdsetup events2 --now all`.
    static func drbd9Roles(runner: CommandRunner) -> [Int: DRBDRole]? {
        guard runner.resolve("drbdsetup") != nil,
              let result = try? runner.run(Command("drbdsetup", ["events2", "--now", "all"])), result.succeeded else { return nil }
        return roles(events2: result.stdoutText)
    }

    /// The role of the resource each minor belongs to, from a whole `events2 --now` output; nil
    /// when the output cannot be read.
    static func roles(events2 text: String) -> [Int: DRBDRole]? {
        guard let resources = try? DRBDEvents2Reader.parse(text) else { return nil }
        var roles: [Int: DRBDRole] = [:]
        for resource in resources {
            for device in resource.devices {
                if let minor = device.minor { roles[minor] = resource.role }
            }
        }
        return roles
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

    /// The backing disks of every DRBD resource configured for this host (`drbdadm sh-ll-dev
    /// all`), resolved; empty when drbdadm is not installed or cannot tell.
    static func backingDevices(runner: CommandRunner) throws -> Set<String> {
        guard runner.resolve("drbdadm") != nil,
              let result = try? runner.run(Command("drbdadm", ["sh-ll-dev", "all"])), result.succeeded else { return [] }
        return Set(result.stdoutText.split(whereSeparator: \.isNewline).map { line in
            let device = line.trimmingWhitespace()
            return FileContents.resolvedPath(device) ?? device
        }.filter { $0 != "none" })
    }
}
