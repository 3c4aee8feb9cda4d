import Glibc
import TandemCore

/// The DRBD tools for one resource, run within the operation's budget: `drbdadm` for
/// changes (it reads the configuration), `drbdsetup events2 --now` for state.
struct DRBDControl: Sendable {
    let resource: String
    let configuration: String
    let runner: CommandRunner
    let logger: Logger

    /// `drbdadm -c <conf> <arguments> <resource>`.
    func drbdadm(_ arguments: [String], capMilliseconds: Int? = nil,
                 environment: [String: String] = [:]) throws -> CommandResult {
        let result = try runner.run(Command("drbdadm", ["-c", configuration] + arguments + [resource],
                                            environment: environment),
                                    capMilliseconds: capMilliseconds)
        if !result.succeeded { logger.warning("drbdadm \(arguments.joined(separator: " ")) \(resource): \(result.summary)") }
        return result
    }

    /// The resource's state. Without a loaded DRBD module nothing can be configured, so
    /// no tool is run at all.
    func state() throws -> DRBDResource {
        guard DRBDModule.isLoaded else { return .unconfigured(named: resource) }
        let tool = Self.drbdsetup(moduleVersion: DRBDModule.version) { access($0, X_OK) == 0 }
        let result = try runner.run(Command(tool, ["events2", "--now", resource]), capMilliseconds: 10_000)
        if result.timedOut { throw OCFFailure(.genericError, "drbdsetup events2 timed out") }
        let output = result.stdoutText
        if output.contains("exists -") {
            do {
                return try DRBDEvents2Reader.resource(named: resource, from: output)
            } catch {
                throw OCFFailure(.genericError, "cannot read DRBD state: \(error)")
            }
        }
        // drbd-utils 9 says "Unknown resource"/exit 10 for a resource that is not up.
        if result.stderrText.contains("nknown resource") || result.stderrText.contains("No such resource") {
            return .unconfigured(named: resource)
        }
        throw OCFFailure(.genericError, "cannot read DRBD state: \(result.summary)")
    }

    /// The drbdsetup to run for the loaded module. On a DRBD 8.4 kernel drbd-utils 9's
    /// `drbdsetup` only re-executes `drbdsetup-84` (same arguments, same output); running that
    /// directly saves one exec in every monitor.
    static func drbdsetup(moduleVersion: DottedVersion?, isExecutable: (String) -> Bool) -> String {
        if let version = moduleVersion, version < DottedVersion(components: [9]) {
            for path in ["/usr/lib/drbd/drbdsetup-84", "/lib/drbd/drbdsetup-84"] where isExecutable(path) {
                return path
            }
        }
        return "drbdsetup"
    }

    /// Polls the state until `condition` holds or `deadline` passes; the last state read.
    func waitForState(until deadline: MonotonicInstant, intervalMilliseconds: Int = 200,
                      _ condition: (DRBDResource) -> Bool) throws -> DRBDResource {
        var current = try state()
        while !condition(current) && MonotonicInstant.now().adding(milliseconds: intervalMilliseconds) < deadline {
            usleep(useconds_t(intervalMilliseconds * 1000))
            current = try state()
        }
        return current
    }
}

/// The DRBD kernel module, as the kernel shows it.
enum DRBDModule {
    static var isLoaded: Bool { access("/proc/drbd", F_OK) == 0 }

    /// The loaded module's version (`/sys/module/drbd/version`, else the first line of /proc/drbd).
    static var version: DottedVersion? {
        if let bytes = FileContents.read("/sys/module/drbd/version", limit: 64),
           let version = DottedVersion(String(decoding: bytes, as: UTF8.self).trimmingWhitespace()) {
            return version
        }
        guard let bytes = FileContents.read("/proc/drbd", limit: 256) else { return nil }
        let first = String(decoding: bytes, as: UTF8.self).split(separator: "\n").first ?? ""
        guard first.hasPrefix("version:") else { return nil }
        return DottedVersion(first.dropFirst("version:".count).trimmingWhitespace())
    }
}
