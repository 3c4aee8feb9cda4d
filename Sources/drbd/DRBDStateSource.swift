import Glibc
import TandemCore

/// Where the agent reads a resource's state from, chosen per invocation from the loaded
/// module and the installed drbd-utils.
enum DRBDStateSource: Equatable, Sendable {
    /// `<tool> events2 --now <resource>`: one process per read.
    case events2(tool: String)
    /// /proc/drbd, mapped to the resource through its minors: no process per read. Only
    /// DRBD 8's /proc/drbd lists minors.
    case procDRBD

    /// The first DRBD 8.4 kernel whose netlink interface answers events2.
    static let firstEvents2Kernel84 = DottedVersion(components: [8, 4, 7])
    static let drbd9 = DottedVersion(components: [9])

    /// Where drbd-utils ≥ 8.9 keeps its tool for 8.4 kernels.
    static let drbdsetup84Paths = ["/usr/lib/drbd/drbdsetup-84", "/lib/drbd/drbdsetup-84"]

    /// The source for a module version.
    ///
    /// - Parameters:
    ///   - moduleVersion: the loaded module's version; nil when it cannot be read.
    ///   - drbdsetup84: drbd-utils' `drbdsetup-84`, when installed (asked only for DRBD 8).
    /// - Returns: events2 through `drbdsetup` on DRBD 9 (and when the version is unknown, as
    ///   before); events2 through `drbdsetup-84` on an 8.4.7+ kernel when drbd-utils ≥ 8.9 is
    ///   installed (drbd-utils 9's `drbdsetup` would only re-execute it); /proc/drbd otherwise:
    ///   an 8.4 userland has no events2, an older kernel does not answer it.
    static func choose(moduleVersion: DottedVersion?, drbdsetup84: @autoclosure () -> String?) -> DRBDStateSource {
        guard let version = moduleVersion, version < drbd9 else { return .events2(tool: "drbdsetup") }
        if version >= firstEvents2Kernel84, let tool = drbdsetup84() { return .events2(tool: tool) }
        return .procDRBD
    }

    /// The installed `drbdsetup-84`, if any.
    static func installedDrbdsetup84(isExecutable: (String) -> Bool = { access($0, X_OK) == 0 }) -> String? {
        drbdsetup84Paths.first(where: isExecutable)
    }
}
