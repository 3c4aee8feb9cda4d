import Glibc
import TandemCore

/// One invocation of the iscsi-target agent: the configuration, the backend it runs on, and
/// the actions (monitor, start, stop, reload-agent) in backend-neutral terms.
struct ISCSITargetAgent {
    let context: AgentContext
    let configuration: TargetConfiguration
    /// nil when no backend is available or the configured one cannot run here (`unavailable` says why).
    let backend: (any TargetBackend)?
    let implementation: TargetImplementation?
    let unavailable: OCFFailure?

    init(_ context: AgentContext) throws {
        typealias D = TargetDeclaration
        self.context = context
        let parameters = context.parameters
        configuration = TargetConfiguration(parameters, resourceName: context.environment.resourceBaseName)
        let control = TgtControlSocket(controlPort: parameters[D.tgtControlPort], environment: context.environment.variables)
        let chosen = parameters[D.implementation]?.backend ?? Self.detect(tgt: control)
        implementation = chosen
        guard let chosen else {
            backend = nil
            unavailable = OCFFailure(.notInstalled, "no iSCSI target found on this node: no LIO (configfs target), "
                                     + "no SCST (/sys/kernel/scst_tgt) and no tgtd (\(control.path)); set implementation")
            return
        }
        if let reason = chosen.unsupportedReason {
            backend = nil
            unavailable = OCFFailure(.notInstalled, reason)
            return
        }
        guard let tid = parameters[D.tid] else {
            backend = nil
            unavailable = OCFFailure(.notConfigured, "tid is required with implementation=tgt (tgtd numbers its targets)")
            return
        }
        backend = TgtBackend(configuration: configuration, tid: tid, control: control, budget: context.budget,
                             logger: context.logger, backingStore: parameters[D.tgtBackingStore])
        unavailable = nil
    }

    /// The first present of LIO, SCST and tgt (iSCSITarget's autodetection, by what runs
    /// rather than by which tools are installed).
    static func detect(tgt control: TgtControlSocket) -> TargetImplementation? {
        if access("/sys/kernel/config/target/iscsi", F_OK) == 0 { return .lio }
        if access("/sys/kernel/scst_tgt", F_OK) == 0 { return .scst }
        if access(control.path, F_OK) == 0 { return .tgt }
        return nil
    }

    /// The backend, or the reason there is none (start, reload-agent, validate-all).
    func requireBackend() throws -> any TargetBackend {
        if let unavailable { throw unavailable }
        guard let backend else { throw OCFFailure(.notInstalled, "no iSCSI target backend") }
        return backend
    }

    /// validate-all and start: what only this host can tell, and what the parameters say together.
    func validateHost() throws {
        if let problem = configuration.problems.first { throw OCFFailure(.notConfigured, problem) }
        if context.meta.promotable && implementation?.backend == .tgt {
            throw OCFFailure(.notConfigured, "implementation=tgt cannot run promotable: tgt reports no target port groups "
                             + "(no ALUA); configure a primitive, or use LIO or SCST for ALUA")
        }
        if implementation?.backend == .tgt, let zero = configuration.luns.first(where: { $0.number == 0 }) {
            throw OCFFailure(.notConfigured, "LUN 0 (\(zero.path)) cannot be used with tgt: tgtd keeps LUN 0 for its controller")
        }
        _ = try requireBackend()
        if let chap = configuration.chap, chap.secret.isShort {
            context.logger.warning("incoming_password is shorter than 12 characters: many initiators refuse it, "
                                   + "and a sniffed CHAP exchange can be guessed")
        }
        if let tgt = backend as? TgtBackend, context.parameters.isSet(TargetDeclaration.portals.spec),
           let missing = try? tgt.portalsNotListening(), !missing.isEmpty {
            context.logger.warning("tgtd does not listen on portal(s) \(missing.map(\.description).joined(separator: " ")): "
                                   + "tgt's portals are tgtd's own (its configuration, or tgtd --iscsi portal=…)")
        }
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

    // MARK: actions

    /// 0 when the target runs as configured, 7 when none of it exists, 1 naming what differs
    /// for a partial target (so that stop cleans it up).
    func monitor() throws -> OCFExitCode {
        guard let backend else {
            if context.isProbe || unavailable?.code != .notConfigured { return .notRunning }
            throw OCFFailure(.genericError, unavailable?.reason ?? "no backend")
        }
        let state: TargetState?
        do {
            state = try backend.observe()
        } catch TgtControlSocket.Failure.notRunning(let path) {
            if context.isProbe { return .notRunning }
            throw OCFFailure(.notRunning, "tgtd is not running (\(path)): the target is gone")
        }
        guard let state else {
            if context.isProbe { return .notRunning }
            throw OCFFailure(.notRunning, "target \(configuration.iqn) is not running any more")
        }
        let differences = state.discrepancies(from: configuration)
        guard differences.isEmpty else {
            throw OCFFailure(.genericError, "target \(configuration.iqn) runs only in part: " + differences.joined(separator: "; "))
        }
        for mismatch in state.identityMismatches(from: configuration) { context.logger.warning(mismatch) }
        return .success
    }

    func start() throws -> OCFExitCode {
        let backend = try requireBackend()
        try backend.converge()
        try verify(backend, after: "start")
        context.logger.info("target \(configuration.iqn) runs with \(configuration.luns.count) LUN(s)")
        return .success
    }

    /// reload-agent: LUNs, ACL and CHAP changed without a restart; the sessions on unchanged
    /// LUNs stay up.
    func reloadAgent() throws -> OCFExitCode {
        let backend = try requireBackend()
        guard try backend.observe() != nil else {
            context.logger.info("reload-agent: target \(configuration.iqn) is not running; nothing to change")
            return .success
        }
        try validateHost()
        try backend.converge()
        try verify(backend, after: "reload-agent")
        return .success
    }

    func stop() throws -> OCFExitCode {
        guard let backend else {
            context.logger.info("stop: \(unavailable?.reason ?? "no backend"); nothing of this resource can be running")
            return .success
        }
        try backend.remove()
        if let left = try? backend.observe() {
            throw OCFFailure(.genericError, "target \(configuration.iqn) is still present after stop "
                             + "(\(left.luns.count) LUN(s), \(left.sessions) session(s))")
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
