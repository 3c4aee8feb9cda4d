import Glibc
import TandemCore

/// The DRBD tools for one resource, run within the operation's budget: `drbdadm` for
/// changes (it reads the configuration); for state `drbdsetup events2 --now`, or /proc/drbd
/// where events2 is not available (`DRBDStateSource`).
struct DRBDControl {
    let resource: String
    let configuration: String
    let runner: CommandRunner
    let logger: Logger
    /// The state file that keeps the resource's minors for the /proc/drbd source.
    let minorsCache: String
    let minorsRefresh: DRBDMinors.Refresh
    /// The level of the one line saying events2 is unsupported: recurring monitors use
    /// debug, or it would be logged every few seconds.
    let fallbackLogLevel: LogLevel
    let module: DRBDModule
    /// Finds drbd-utils' `drbdsetup-84`; tests replace it.
    let drbdsetup84: () -> String?
    let memo = DRBDStateMemo()

    init(resource: String, configuration: String, runner: CommandRunner, logger: Logger, minorsCache: String,
         minorsRefresh: DRBDMinors.Refresh = .whenMissing, fallbackLogLevel: LogLevel = .info,
         module: DRBDModule = .kernel,
         drbdsetup84: @escaping () -> String? = { DRBDStateSource.installedDrbdsetup84() }) {
        self.resource = resource
        self.configuration = configuration
        self.runner = runner
        self.logger = logger
        self.minorsCache = minorsCache
        self.minorsRefresh = minorsRefresh
        self.fallbackLogLevel = fallbackLogLevel
        self.module = module
        self.drbdsetup84 = drbdsetup84
    }

    /// `drbdadm -c <conf> <arguments> <resource>`, bounded by what is left of the operation's
    /// timeout and nothing else: a fixed cap would cut a slow but working drbdadm short and
    /// report its own timeout as a failure of DRBD.
    func drbdadm(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
        let result = try runner.run(Command("drbdadm", ["-c", configuration] + arguments + [resource],
                                            environment: environment))
        if !result.succeeded { logger.warning("drbdadm \(arguments.joined(separator: " ")) \(resource): \(result.summary)") }
        return result
    }

    /// Where the state comes from in this invocation, for the loaded module's version.
    func source(moduleVersion: DottedVersion?) -> DRBDStateSource {
        if memo.events2Unsupported { return .procDRBD }
        return DRBDStateSource.choose(moduleVersion: moduleVersion, drbdsetup84: drbdsetup84())
    }

    /// The resource's state. Without a loaded DRBD module nothing can be configured, so
    /// no tool is run at all.
    func state() throws -> DRBDResource {
        guard module.isLoaded else { return .unconfigured(named: resource) }
        let version = module.version
        switch source(moduleVersion: version) {
        case .procDRBD: return try procState()
        case .events2(let tool): return try events2State(tool: tool, moduleVersion: version)
        }
    }

    /// Polls the state until `condition` holds or `deadline` passes; the last state read.
    func waitForState(until deadline: MonotonicInstant, intervalMilliseconds: Int = 200,
                      _ condition: (DRBDResource) -> Bool) throws -> DRBDResource {
        var last = DRBDResource.unconfigured(named: resource)
        let met = try runner.budget.poll(every: intervalMilliseconds, until: deadline) { () throws -> DRBDResource? in
            last = try state()
            return condition(last) ? last : nil
        }
        return met ?? last
    }
}
