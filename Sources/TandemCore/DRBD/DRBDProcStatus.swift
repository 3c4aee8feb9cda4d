/// The contents of /proc/drbd: the module version and, for DRBD 8.3/8.4, one entry per minor.
///
/// /proc/drbd names no resources. `resource(named:minors:)` (in `DRBDProcStatus+Resource.swift`)
/// builds a `DRBDResource` from the minors the caller knows belong to it (`drbdadm sh-minor RES`).
/// DRBD 9's /proc/drbd has only the version lines, so `minors` is empty there.
public struct DRBDProcStatus: Sendable, Equatable {
    /// The module version, e.g. `8.4.11`.
    public var version: String
    /// `api:` from the version line, e.g. `1`.
    public var apiVersion: String?
    /// `proto:` from the version line, e.g. `86-101`.
    public var protocolVersions: String?
    /// Configured minors, in file order.
    public var minors: [DRBDProcMinor]
    /// Minors shown as `N: cs:Unconfigured`.
    public var unconfiguredMinors: [Int]

    /// A status with the given values.
    public init(version: String, apiVersion: String? = nil, protocolVersions: String? = nil,
                minors: [DRBDProcMinor] = [], unconfiguredMinors: [Int] = []) {
        self.version = version
        self.apiVersion = apiVersion
        self.protocolVersions = protocolVersions
        self.minors = minors
        self.unconfiguredMinors = unconfiguredMinors
    }

    /// The module's major version (8 or 9), when the version string starts with a number.
    public var majorVersion: Int? { version.split(separator: ".").first.flatMap { Int($0) } }

    /// True for DRBD 9 and later, whose /proc/drbd lists no devices (use events2 there).
    public var isDRBD9OrLater: Bool { (majorVersion ?? 0) >= 9 }

    /// The configured minor `number`, if listed.
    public func minor(_ number: Int) -> DRBDProcMinor? { minors.first { $0.minor == number } }
}
