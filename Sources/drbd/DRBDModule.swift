import Glibc
import TandemCore

/// The DRBD kernel module, as the kernel shows it. The paths are fields so that tests can
/// point them at captured files; the agent uses `kernel`.
struct DRBDModule: Sendable {
    /// /proc/drbd: present while the module is loaded.
    let procPath: String
    /// /sys/module/drbd/version; nil to take the version from /proc/drbd only.
    let versionPath: String?

    static let kernel = DRBDModule(procPath: "/proc/drbd", versionPath: "/sys/module/drbd/version")

    var isLoaded: Bool { access(procPath, F_OK) == 0 }

    /// The loaded module's version (sysfs, else the first line of /proc/drbd).
    var version: DottedVersion? {
        if let versionPath, let bytes = FileContents.read(versionPath, limit: 64),
           let version = DottedVersion(String(decoding: bytes, as: UTF8.self).trimmingWhitespace()) {
            return version
        }
        guard let bytes = FileContents.read(procPath, limit: 256) else { return nil }
        return DRBDProcReader.version(in: String(decoding: bytes, as: UTF8.self)).flatMap(DottedVersion.init)
    }

    /// The whole of /proc/drbd, nil when it cannot be read (the module went away).
    func readProc() -> String? {
        FileContents.read(procPath).map { String(decoding: $0, as: UTF8.self) }
    }
}
