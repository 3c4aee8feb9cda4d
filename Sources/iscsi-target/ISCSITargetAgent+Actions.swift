import Glibc
import TandemCore
import TandemNetwork

extension ISCSITargetAgent {
    /// validate-all and start: what only this host can tell, and what the parameters say together.
    func validateHost() throws {
        if let problem = configuration.problems.first { throw OCFFailure(.notConfigured, problem) }
        if let problem = configuration.writeCacheProblem(meta: context.meta, backend: implementation?.backend) {
            throw OCFFailure(.notConfigured, problem)
        }
        if context.meta.promotable && implementation?.backend == .tgt {
            throw OCFFailure(.notConfigured, "implementation=tgt cannot run promotable: tgt reports no target port groups "
                             + "(no ALUA); configure a primitive, or use LIO for ALUA")
        }
        if let problem = configuration.hostProblem { throw OCFFailure(.invalidArgument, problem) }
        if implementation?.backend == .tgt, let zero = configuration.luns.first(where: { $0.number == 0 }) {
            throw OCFFailure(.notConfigured, "LUN 0 (\(zero.path)) cannot be used with tgt: tgtd keeps LUN 0 for its controller")
        }
        let backend = try requireBackend()
        if let scst = backend as? SCSTBackend {
            if let problem = scst.configurationProblem(promotable: context.meta.promotable, notify: context.meta.notify) {
                throw OCFFailure(.notConfigured, problem)
            }
            if let problem = try scst.installationProblem() { throw problem }
        }
        if configuration.alua?.unpromoted == .standby && !context.meta.notify {
            context.logger.warning("alua_unpromoted_state=standby without notify=true: the unpromoted node stays "
                                   + "non-optimized (standby is taken from notifications)")
        }
        warnAboutSettings(backend)
        for lun in configuration.luns {
            var status = stat()
            guard stat(lun.path.text, &status) == 0 else {
                throw OCFFailure(.genericError, "LUN \(lun.number): \(lun.path) does not exist on this node "
                                 + "(is the volume below active here?)")
            }
            let kind = status.st_mode & S_IFMT
            // There, but something else: wrong for this host (2). A missing one above may be an LV
            // not active yet, a failure (1) Pacemaker recovers from.
            guard kind == S_IFBLK || (kind == S_IFREG && implementation?.backend == .tgt) else {
                throw OCFFailure(.invalidArgument, "LUN \(lun.number): \(lun.path) is not a block device"
                                 + (implementation?.backend == .tgt ? " or a file" : ""))
            }
        }
    }

    private func warnAboutSettings(_ backend: any TargetBackend) {
        let logger = context.logger
        if let tgt = backend as? TgtBackend, context.parameters.isSet(TargetDeclaration.portals.spec),
           let missing = try? tgt.portalsNotListening(), !missing.isEmpty {
            logger.warning("tgtd does not listen on portal(s) \(missing.map(\.description).joined(separator: " ")): "
                           + "tgt's portals are tgtd's own (its configuration, or tgtd --iscsi portal=…)")
        }
        if implementation?.backend == .tgt, let id = context.parameters[TargetDeclaration.scsiID],
           LUNIdentity.hexDigitCount(id.text) < 16 {
            logger.warning("scsi_id \(id) has fewer than 16 hex digits: tgt builds the WWID from them (other characters "
                           + "count as 0), so another LUN's may equal it")
        }
        if implementation?.backend == .tgt && context.parameters[TargetDeclaration.tgtBackingStore] == .aio
            && !configuration.writeCache {
            logger.warning("tgt_bstype=aio opens the device O_DIRECT and takes no sync flag: the device's own write cache "
                           + "is not bypassed (use rdwr for O_SYNC)")
        }
        if implementation?.backend == .scst, let other = configuration.portals.first(where: { $0.port != Portal.defaultPort }) {
            logger.warning("portal \(other): SCST's allowed_portal takes the address only; iscsi-scstd listens on its own port")
        }
        if configuration.writeCache && implementation?.backend == .lio {
            logger.warning("write_cache=true is ignored with LIO: its block backstore reports the device's own "
                           + "write cache to the client")
        }
        if let chap = configuration.chap, chap.secret.isShort {
            logger.warning("incoming_password is shorter than 12 characters: many initiators refuse it, "
                           + "and a sniffed CHAP exchange can be guessed")
        }
    }

    // MARK: actions

    /// The checks monitor makes before it looks (probe: 7 where nothing can run).
    func checkMonitorPrerequisites() throws {
        if candidates.isEmpty && !context.isProbe && unavailable?.code == .notConfigured {
            throw OCFFailure(.genericError, unavailable?.reason ?? "no backend")
        }
    }

    /// Where the target runs (the first backend that has it) and how it differs from the
    /// configuration. A backend that cannot be read with certainty throws (monitor 1).
    func observe() throws -> TargetObservation {
        for candidate in candidates {
            do {
                if let state = try candidate.observe() {
                    let problems = state.discrepancies(from: configuration) + state.identityMismatches(from: configuration)
                        + state.aluaDiscrepancies(from: configuration)
                    return TargetObservation(state: state, backend: candidate, problems: problems)
                }
            } catch TgtControlSocket.Failure.notRunning(let path) {
                context.logger.debug("tgtd is not running (\(path))")
            } catch TgtControlSocket.Failure.pathTooLong(let path) {
                context.logger.error(TgtControlSocket.Failure.pathTooLong(path: path).description)
            }
        }
        return TargetObservation(state: nil, backend: nil, problems: [])
    }

    func role(of observation: TargetObservation) -> PromotableRole {
        guard let state = observation.state else { return .stopped }
        return configuration.alua != nil && state.aluaPromoted ? .promoted : .unpromoted
    }

    /// A constant for a whole target; none for a partial one or one whose backing device is
    /// gone (Pacemaker then promotes the other node).
    func score(for observation: TargetObservation) -> ScoreDecision {
        guard observation.state != nil, observation.problems.isEmpty else { return .remove }
        for lun in configuration.luns {
            var status = stat()
            if stat(lun.path.text, &status) != 0 { return .remove }
        }
        return .set(100)
    }

    /// 1 naming what differs for a partial target (so that stop cleans it up).
    func inspect(_ observation: TargetObservation) throws {
        if observation.state == nil && !context.isProbe {
            throw OCFFailure(.notRunning, "target \(configuration.iqn) is not running")
        }
        guard observation.problems.isEmpty else {
            throw OCFFailure(.genericError, "target \(configuration.iqn) runs only in part: "
                             + observation.problems.joined(separator: "; "))
        }
    }

    /// start: everything built and verified; a promotable target's groups non-optimized
    /// (standby, when configured, comes with a notification of a promoted peer).
    func startResource(from observation: TargetObservation) throws -> TargetObservation {
        let backend = try requireBackend()
        do {
            try backend.converge(aluaState: configuration.alua.map { _ in .activeNonOptimized })
        } catch TgtControlSocket.Failure.pathTooLong(let path) {
            throw OCFFailure(.notConfigured, TgtControlSocket.Failure.pathTooLong(path: path).description)
        }
        let started = try verify(after: "start")
        context.logger.info("target \(configuration.iqn) runs with \(configuration.luns.count) LUN(s)"
                            + (configuration.alua.map { ", target port group \($0.groupID)" } ?? ""))
        return started
    }

    /// stop goes through `stop()` (every candidate backend); this is its protocol form.
    func stopResource(from observation: TargetObservation) throws { try removeEverywhere() }

    func promoteResource(from observation: TargetObservation) throws -> TargetObservation {
        let promoted = try setALUA(.activeOptimized, on: observation)
        // One promoted instance: where the backend states the peer's group (SCST), it is no
        // longer the optimized one (its own demote came first).
        try observation.backend?.setPeerALUAState(peerState(promotedPeers: PromotedPeers(), peerRunning: true, promoted: true))
        return promoted
    }

    /// The state the other node's group has after a transition, as this node states it.
    private func peerState(promotedPeers: PromotedPeers, peerRunning: Bool, promoted: Bool) -> ALUAState {
        if !promotedPeers.nodes.isEmpty { return .activeOptimized }
        guard peerRunning else { return .unavailable }
        return configuration.alua?.unpromoted == .standby && promoted ? .standby : .activeNonOptimized
    }

    func demoteResource(from observation: TargetObservation) throws -> TargetObservation {
        try setALUA(unpromotedState(peers: promotedPeers), on: observation)
    }

    /// standby only while another node is promoted, so that no moment leaves every path in
    /// standby; otherwise (and by default) non-optimized.
    private func unpromotedState(peers: PromotedPeers) -> ALUAState {
        configuration.alua?.unpromoted == .standby && !peers.nodes.isEmpty ? .standby : .activeNonOptimized
    }

    /// promote and demote: a primitive has no roles (ocf-tester asks), so neither is an
    /// action it implements.
    func requirePromotable() throws {
        guard configuration.alua != nil else {
            throw OCFFailure(.unimplemented, "\(configuration.iqn) is not a promotable clone (no ALUA group on this node)")
        }
    }

    private func setALUA(_ state: ALUAState, on observation: TargetObservation) throws -> TargetObservation {
        try requirePromotable()
        guard let backend = observation.backend else {
            throw OCFFailure(.notRunning, "target \(configuration.iqn) is not running")
        }
        try backend.setALUAState(state)
        return try observe()
    }

    /// With alua_unpromoted_state=standby, an unpromoted instance follows the peers: standby
    /// while one is promoted, non-optimized when none is (it may be promoted next).
    /// SCST: the peer's group follows what the notification says of it (promoted, running,
    /// stopped).
    func react(to event: NotifyEvent, observed: TargetObservation, promotedPeers: PromotedPeers) throws -> TargetObservation {
        guard configuration.alua != nil, let backend = observed.backend else { return observed }
        let local = localNode
        let running = Set((event.active + event.starting).compactMap(\.node))
            .subtracting(event.stopping.compactMap(\.node)).subtracting([local].compactMap { $0 })
        try backend.setPeerALUAState(peerState(promotedPeers: promotedPeers, peerRunning: !running.isEmpty,
                                               promoted: role(of: observed) == .promoted))
        guard configuration.alua?.unpromoted == .standby, role(of: observed) == .unpromoted,
              let current = observed.state?.luns.first?.alua?.state else { return observed }
        let wanted = unpromotedState(peers: promotedPeers)
        guard current != wanted else { return observed }
        return try setALUA(wanted, on: observed)
    }

    /// stop: complete and best effort in every backend that may hold the target; the
    /// promotion score goes too.
    func stop() throws -> OCFExitCode {
        try removeEverywhere()
        if publishesScores, case .failed(let reason) = PromotionScore(context: context).update(nil, force: true) {
            context.logger.warning("promotion score not removed: \(reason)")
        }
        return .success
    }

    private func removeEverywhere() throws {
        if candidates.isEmpty {
            context.logger.info("stop: \(unavailable?.reason ?? "no backend"); nothing of this resource can be running")
            return
        }
        for candidate in candidates {
            do {
                try candidate.remove()
                // A listing that cannot be read now (see TgtTargetList.problem) does not undo the removal.
                if let left = try? candidate.observe() {
                    throw OCFFailure(.genericError, "target \(configuration.iqn) is still present after stop "
                                     + "(\(left.luns.count) LUN(s), \(left.sessions) session(s))")
                }
            } catch TgtControlSocket.Failure.notRunning {
                continue
            } catch TgtControlSocket.Failure.pathTooLong(let path) {
                context.logger.error(TgtControlSocket.Failure.pathTooLong(path: path).description + "; nothing to stop there")
            }
        }
    }

    func reloadAgent() throws -> OCFExitCode {
        let backend = try requireBackend()
        guard try backend.observe() != nil else {
            throw OCFFailure(.notRunning, "reload-agent: target \(configuration.iqn) is not running")
        }
        do {
            try validateHost()
        } catch let failure as OCFFailure {
            throw OCFFailure(.genericError, "reload-agent: \(failure.reason); the running target is unchanged")
        }
        try backend.converge(aluaState: nil)
        _ = try verify(after: "reload-agent")
        return .success
    }

    private func verify(after action: String) throws -> TargetObservation {
        let observation = try observe()
        guard observation.state != nil else {
            throw OCFFailure(.genericError, "target \(configuration.iqn) is not present after \(action)")
        }
        guard observation.problems.isEmpty else {
            throw OCFFailure(.genericError, "target \(configuration.iqn) after \(action): " + observation.problems.joined(separator: "; "))
        }
        return observation
    }
}

/// One look at the resource's target: what runs, in which backend, and how it differs.
struct TargetObservation {
    var state: TargetState?
    var backend: (any TargetBackend)?
    var problems: [String]
}
