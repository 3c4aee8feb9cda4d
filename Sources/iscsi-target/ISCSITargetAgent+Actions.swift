import Glibc
import TandemCore

extension ISCSITargetAgent {
    /// validate-all and start: what only this host can tell, and what the parameters say together.
    func validateHost() throws {
        if let problem = configuration.problems.first { throw OCFFailure(.notConfigured, problem) }
        if context.meta.promotable && implementation?.backend == .tgt {
            throw OCFFailure(.notConfigured, "implementation=tgt cannot run promotable: tgt reports no target port groups "
                             + "(no ALUA); configure a primitive, or use LIO or SCST for ALUA")
        }
        if context.meta.promotable {
            throw OCFFailure(.notConfigured, "promotable (ALUA) is not supported by this version of ocf:tandem:iscsi-target "
                             + "yet: configure a primitive")
        }
        if implementation?.backend == .tgt, let zero = configuration.luns.first(where: { $0.number == 0 }) {
            throw OCFFailure(.notConfigured, "LUN 0 (\(zero.path)) cannot be used with tgt: tgtd keeps LUN 0 for its controller")
        }
        let backend = try requireBackend()
        warnAboutSettings(backend)
        for lun in configuration.luns {
            var status = stat()
            guard stat(lun.path.text, &status) == 0 else {
                throw OCFFailure(.genericError, "LUN \(lun.number): \(lun.path) does not exist on this node "
                                 + "(is the volume below active here?)")
            }
            let kind = status.st_mode & S_IFMT
            guard kind == S_IFBLK || (kind == S_IFREG && implementation?.backend == .tgt) else {
                throw OCFFailure(.genericError, "LUN \(lun.number): \(lun.path) is not a block device")
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

    /// 0 when the target runs as configured, 7 when none of it exists, 1 naming what differs
    /// for a partial target (so that stop cleans it up).
    func monitor() throws -> OCFExitCode {
        if candidates.isEmpty {
            if context.isProbe || unavailable?.code != .notConfigured { return .notRunning }
            throw OCFFailure(.genericError, unavailable?.reason ?? "no backend")
        }
        var state: TargetState?
        for candidate in candidates {
            do {
                state = try candidate.observe()
            } catch TgtControlSocket.Failure.notRunning(let path) {
                context.logger.debug("tgtd is not running (\(path))")
            } catch TgtControlSocket.Failure.pathTooLong(let path) {
                context.logger.error(TgtControlSocket.Failure.pathTooLong(path: path).description)
            }
            if state != nil { break }
        }
        guard let state else {
            if context.isProbe { return .notRunning }
            throw OCFFailure(.notRunning, "target \(configuration.iqn) is not running any more")
        }
        let differences = state.discrepancies(from: configuration) + state.identityMismatches(from: configuration)
        guard differences.isEmpty else {
            throw OCFFailure(.genericError, "target \(configuration.iqn) runs only in part: " + differences.joined(separator: "; "))
        }
        return .success
    }

    func start() throws -> OCFExitCode {
        let backend = try requireBackend()
        do {
            try backend.converge()
        } catch TgtControlSocket.Failure.pathTooLong(let path) {
            throw OCFFailure(.notConfigured, TgtControlSocket.Failure.pathTooLong(path: path).description)
        }
        try verify(backend, after: "start")
        context.logger.info("target \(configuration.iqn) runs with \(configuration.luns.count) LUN(s)")
        return .success
    }

    /// reload-agent: LUNs, ACL and CHAP changed without a restart; the sessions on unchanged
    /// LUNs stay up. A configuration that cannot be applied is a failure (1), never 6: a
    /// half-entered change (a user without its secret yet) must not stop the SAN everywhere.
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
        try backend.converge()
        try verify(backend, after: "reload-agent")
        return .success
    }

    func stop() throws -> OCFExitCode {
        if candidates.isEmpty {
            context.logger.info("stop: \(unavailable?.reason ?? "no backend"); nothing of this resource can be running")
            return .success
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
        return .success
    }

    private func verify(_ backend: any TargetBackend, after action: String) throws {
        guard let state = try backend.observe() else {
            throw OCFFailure(.genericError, "target \(configuration.iqn) is not present after \(action)")
        }
        let differences = state.discrepancies(from: configuration) + state.identityMismatches(from: configuration)
        guard differences.isEmpty else {
            throw OCFFailure(.genericError, "target \(configuration.iqn) after \(action): " + differences.joined(separator: "; "))
        }
    }
}
