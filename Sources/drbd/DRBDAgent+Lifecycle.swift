import Glibc
import TandemCore

extension DRBDAgent {
    /// start: bring the resource up (or adjust a half-configured one), leave it Secondary,
    /// and wait up to wfc_timeout for the peer.
    func start() throws -> OCFExitCode {
        var current = try state()
        if current.isPrimary {
            // Start must leave the resource unpromoted.
            _ = try control.drbdadm(["secondary"])
            current = try state()
        }
        if !current.isConfigured {
            let up = try control.drbdadm(["up"])
            current = try state()
            if !up.succeeded && current.isConfigured {
                _ = try control.drbdadm(["adjust"])  // partly up from an earlier attempt
                current = try state()
            }
            guard current.isConfigured else {
                throw OCFFailure(.genericError, "drbdadm up \(resource) failed: \(up.summary)")
            }
        } else if !current.connections.contains(where: { $0.state == .connected }) {
            _ = try control.drbdadm(["adjust"])
        }
        let waitSeconds = context.parameters[DRBDAgentDeclaration.wfcTimeout] ?? 5
        if waitSeconds > 0 {
            let deadline = context.budget.deadline(cappedAt: waitSeconds * 1000)
            current = try control.waitForState(until: deadline) { state in
                !state.connections.isEmpty && state.connections.allSatisfy { $0.state == .connected }
            }
            if !current.connections.allSatisfy({ $0.state == .connected }) {
                context.logger.info("\(resource): no connection to the peer after \(waitSeconds)s; continuing Secondary")
            }
        }
        guard !current.isPrimary else { throw OCFFailure(.genericError, "\(resource) is still Primary after start") }
        publishScore(for: current)
        return .success
    }

    /// stop: Secondary first, then down; "already down" is success. The score goes.
    func stop() throws -> OCFExitCode {
        let scores = PromotionScore(context: context)
        var current = try state()
        while current.isConfigured {
            if current.isPrimary {
                _ = try control.drbdadm(["secondary"])
            } else {
                _ = try control.drbdadm(["down"])
            }
            current = try state()
            if current.isConfigured {
                guard context.budget.remainingMilliseconds() > 1_500 else {
                    throw OCFFailure(.genericError, "\(resource) could not be taken down (is the device in use?)")
                }
                usleep(500_000)
            }
        }
        if context.parameters[DRBDAgentDeclaration.stopOutdatesSecondary] == true,
           !PeerNotes.load(notesPath).promotedPeers.isEmpty {
            // A peer is Primary and goes on writing: our data is stale from now on.
            let outdated = try control.drbdadm(["outdate"], capMilliseconds: 10_000)
            if outdated.succeeded { context.logger.info("\(resource): outdated the local data on stop") }
        }
        if case .failed(let reason) = scores.update(nil, force: true) {
            context.logger.warning("promotion score not removed: \(reason)")
        }
        unlink(context.stateFile("unfenced"))
        return .success
    }

    /// monitor: 8 Primary, 0 Secondary, 7 down; the score follows the state.
    func monitor() throws -> OCFExitCode {
        if context.runner.resolve("drbdsetup") == nil || context.environment.testerFailsHaveBinary {
            if context.isProbe { return .notRunning }
            throw OCFFailure(.notInstalled, "Setup problem: couldn't find command: drbdsetup")
        }
        let current: DRBDResource
        do {
            current = try state()
        } catch let failure as DRBDMinors.LookupFailure where context.isProbe {
            // As with a missing drbdsetup: a probe reports a missing prerequisite as not running.
            context.logger.warning("probe: \(failure); reporting not running")
            return .notRunning
        }
        publishScore(for: current)
        return Self.monitorResult(for: current)
    }

    /// 8 Primary, 0 Secondary, 7 down, whichever source the state came from.
    static func monitorResult(for state: DRBDResource) -> OCFExitCode {
        guard state.isConfigured else { return .notRunning }
        return state.isPrimary ? .runningPromoted : .success
    }

    /// reload: apply configuration changes to a running resource.
    func reload() throws -> OCFExitCode {
        let current = try state()
        if current.isConfigured {
            let adjusted = try control.drbdadm(["adjust"])
            guard adjusted.succeeded else { throw OCFFailure(.genericError, "drbdadm adjust failed: \(adjusted.summary)") }
        }
        publishScore(for: try state())
        return .success
    }
}
