import Glibc
import TandemCore

extension DRBDAgent {
    /// start: bring the resource up (or adjust a half-configured one), leave it Secondary,
    /// and wait up to wfc_timeout for the peer. Every volume must have its disk: drbdadm goes
    /// on to the network after a failed attach, and a Diskless node that says "started"
    /// fails its promotion at the worst moment.
    func startResource(from observed: DRBDResource) throws -> DRBDResource {
        var current = observed
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
        } else if !current.connections.contains(where: { $0.state == .connected }) || current.devices.isEmpty
                    || !missingDisks(current).isEmpty {
            _ = try control.drbdadm(["adjust"])  // reconnects, creates missing volumes, re-attaches a disk
            current = try state()
        }
        try verifyDisks(current)
        let waitSeconds = context.parameters[DRBDAgentDeclaration.wfcTimeout]
        // With a connection word this agent does not know, "connected" cannot be told: no wait.
        if waitSeconds > 0 && current.unrecognizedWords.isEmpty {
            let deadline = context.budget.deadline(cappedAt: waitSeconds * 1000)
            current = try control.waitForState(until: deadline) { state in
                !state.connections.isEmpty && state.connections.allSatisfy { $0.state == .connected }
            }
            if !current.connections.allSatisfy({ $0.state == .connected }) {
                context.logger.info("\(resource): no connection to the peer after \(waitSeconds)s; continuing Secondary")
            }
        }
        return current
    }

    /// stop: Secondary first, then down; "already down" is success. (The score goes next.)
    func stopResource(from observed: DRBDResource) throws {
        var current = observed
        guard current.isConfigured else { return }
        // Secondary first while Primary, then down; again while the device is still open.
        let down = try context.budget.poll(every: 500, until: context.budget.deadline.adding(milliseconds: -1_500)) {
            () throws -> DRBDResource? in
            _ = try control.drbdadm([current.isPrimary ? "secondary" : "down"])
            current = try state()
            return current.isConfigured ? nil : current
        }
        guard down != nil else {
            throw OCFFailure(.genericError, "\(resource) could not be taken down (is the device in use?)")
        }
    }

    /// After stop removed the score (first: the outdate below may use what is left of the
    /// budget): stop_outdates_secondary while a peer is Primary and goes on writing, since our
    /// data is stale from now on. DRBD is down already, so whatever happens here the stop has
    /// succeeded (a failed stop fences the node).
    func didStop(promotedPeers: PromotedPeers) {
        if context.parameters[DRBDAgentDeclaration.stopOutdatesSecondary], !promotedPeers.nodes.isEmpty {
            do {
                let outdated = try control.drbdadm(["outdate"])
                if outdated.succeeded { context.logger.info("\(resource): outdated the local data on stop") }
            } catch {
                context.logger.warning("\(resource): could not outdate the local data on stop: \(error)")
            }
        }
        Syscalls.removeFileIfPresent(context.stateFile("unfenced"))
    }

    /// Before monitor: without drbdsetup nothing can be looked at (a probe reports 7).
    func checkMonitorPrerequisites() throws {
        if context.runner.resolve("drbdsetup") == nil || context.environment.testerFailsHaveBinary {
            throw OCFFailure(.notInstalled, "Setup problem: couldn't find command: drbdsetup")
        }
    }

    func inspect(_ state: DRBDResource) { warnAboutUnrecognizedWords(state) }

    /// A state word of a newer drbd-utils or kernel: the role is reported, the score left as it is.
    func warnAboutUnrecognizedWords(_ state: DRBDResource) {
        guard !state.unrecognizedWords.isEmpty else { return }
        context.logger.warning("\(resource): unknown DRBD state word(s): "
                               + state.unrecognizedWords.joined(separator: "; ")
                               + "; the promotion score is left unchanged until this agent knows them")
    }

    /// Whether every volume in `missing` is `disk none` on this host: `drbdadm sh-ll-dev` prints
    /// this host's backing devices in volume order, `none` for a diskless one.
    static func disklessByConfiguration(_ missing: [DRBDDevice], volumes: [Int], shLowerLevelDevices text: String) -> Bool {
        let devices = text.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() }
        let ordered = volumes.sorted()
        guard devices.count == ordered.count else { return false }
        return missing.allSatisfy { device in
            ordered.firstIndex(of: device.volume).map { devices[$0] == "none" } ?? false
        }
    }

    /// Volumes without their disk: Diskless or Failed, and not a diskless client by design.
    func missingDisks(_ state: DRBDResource) -> [DRBDDevice] {
        state.devices.filter { !$0.isClient && ($0.disk == .diskless || $0.disk == .failed) }
    }

    /// Start's check that DRBD really runs with every disk: none at all is not running, and a
    /// volume that failed to attach fails the start, unless this host's configuration says
    /// `disk none` for it (DRBD 8.4's way to make a node diskless on purpose; DRBD 9 reports
    /// such a volume as `client:yes`, which `missingDisks` leaves out already).
    func verifyDisks(_ state: DRBDResource) throws {
        guard !state.devices.isEmpty else {
            throw OCFFailure(.genericError, "\(resource) is up without any volume")
        }
        let missing = missingDisks(state)
        guard !missing.isEmpty else { return }
        if let lowerDevices = try? control.drbdadm(["sh-ll-dev"]), lowerDevices.succeeded,
           Self.disklessByConfiguration(missing, volumes: state.devices.map(\.volume),
                                        shLowerLevelDevices: lowerDevices.stdoutText) {
            context.logger.info("\(resource): volume(s) without a disk, as this host's configuration says (disk none)")
            return
        }
        let volumes = missing.map { "volume \($0.volume) (\($0.disk.rawValue))" }.joined(separator: ", ")
        throw OCFFailure(.genericError, "\(resource) has no disk on \(volumes): attaching the backing device failed "
                         + "(is it there? see drbdadm up/adjust in the log)")
    }

    /// reload-agent: the parameters changed in the CIB are read by every action anyway; what
    /// must happen now is the score under the new rules (always sent in a non-monitor action)
    /// and the minors learned again. DRBD itself is not touched: no demote, no restart.
    func reloadAgent() throws -> OCFExitCode {
        let current = try state()
        warnAboutUnrecognizedWords(current)
        publishScore(for: current)
        context.logger.info("\(resource): parameters reloaded")
        return .success
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
