import TandemCore

extension DRBDControl {
    /// What one `drbdsetup events2 --now <resource>` run says.
    enum Events2Answer: Equatable, Sendable {
        /// The initial state, ended by `exists -`.
        case state(String)
        /// drbd-utils 9 says "Unknown resource"/"No such resource" (exit 10) for a resource that is not up.
        case notUp
        /// It failed on a DRBD 8 module without a word about the resource: this drbdsetup or
        /// kernel has no events2 (an "invalid command" usage text, a netlink error).
        /// /proc/drbd has the state there.
        case unsupported
        case failed
    }

    /// Classifies a finished run; pure, so that the rules can be tested on captured output.
    static func answer(to result: CommandResult, moduleVersion: DottedVersion?) -> Events2Answer {
        guard !result.timedOut else { return .failed }
        let output = result.stdoutText
        if output.contains("exists -") { return .state(output) }
        let errors = result.stderrText
        if errors.contains("nknown resource") || errors.contains("No such resource") { return .notUp }
        if let version = moduleVersion, version < DRBDStateSource.drbd9, !result.status.isSuccess {
            return .unsupported
        }
        return .failed
    }

    /// The state from events2; on DRBD 8 where events2 turns out unsupported, from /proc/drbd
    /// (logged once, and /proc/drbd is read directly for the rest of the invocation).
    func events2State(tool: String, moduleVersion: DottedVersion?) throws -> DRBDResource {
        let result = try runner.run(Command(tool, ["events2", "--now", resource]))
        switch Self.answer(to: result, moduleVersion: moduleVersion) {
        case .state(let output):
            do {
                return try DRBDEvents2Reader.resource(named: resource, from: output)
            } catch {
                throw OCFFailure(.genericError, "cannot read DRBD state: \(error)")
            }
        case .notUp:
            return .unconfigured(named: resource)
        case .unsupported:
            memo.events2Unsupported = true
            logger.log(fallbackLogLevel, "\(resource): \(tool) events2 does not work with DRBD \(moduleVersion?.description ?? "8") "
                       + "here (\(result.summary)); reading \(module.procPath) instead")
            return try procState()
        case .failed:
            if result.timedOut { throw OCFFailure(.genericError, "drbdsetup events2 timed out") }
            throw OCFFailure(.genericError, "cannot read DRBD state: \(result.summary)")
        }
    }
}
