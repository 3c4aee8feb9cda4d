import Glibc
import TandemCore

/// One invocation of the iscsi-target agent: the configuration, the backend it runs on, and
/// the actions (monitor, start, stop, reload-agent) in backend-neutral terms.
struct ISCSITargetAgent: PromotableResource {
    let context: AgentContext
    let configuration: TargetConfiguration
    /// The backend start and reload-agent use; nil when there is none (`unavailable` says why).
    let backend: (any TargetBackend)?
    let implementation: TargetImplementation?
    let unavailable: OCFFailure?
    /// Where monitor and stop look for the target: the configured backend, or, with
    /// `implementation` unset, every one present on this node (a module loaded later, by
    /// targetcli or another resource, must not hide a running target from them).
    let candidates: [any TargetBackend]

    init(_ context: AgentContext) throws {
        typealias D = TargetDeclaration
        self.context = context
        let parameters = context.parameters
        let configuration = TargetConfiguration(parameters, resourceName: context.environment.resourceBaseName,
                                                meta: context.meta, localNode: context.localNode)
        self.configuration = configuration
        let control = TgtControlSocket(controlPort: parameters[D.tgtControlPort], environment: context.environment.variables)
        let tid = parameters[D.tid]
        // Only the backend in use is made (each monitor makes one).
        func make(_ implementation: TargetImplementation) -> (any TargetBackend)? {
            switch implementation.backend {
            case .lio, .lioT:
                LIOBackend(configuration: configuration, logger: context.logger, runner: context.runner)
            case .tgt:
                tid.map {
                    TgtBackend(configuration: configuration, tid: $0, control: control, budget: context.budget,
                               logger: context.logger, backingStore: parameters[D.tgtBackingStore],
                               accountMarker: context.stateFile("chap"), lockDirectory: context.environment.rscTmp)
                }
            case .scst:
                SCSTBackend(configuration: configuration, logger: context.logger, runner: context.runner,
                            budget: context.budget)
            case .iet: nil
            }
        }
        if let configured = parameters[D.implementation] {
            implementation = configured
            backend = make(configured)
            candidates = backend.map { [$0] } ?? []
            if let reason = configured.unsupportedReason {
                unavailable = OCFFailure(.notInstalled, reason)
            } else if configured.backend == .tgt && tid == nil {
                unavailable = OCFFailure(.notConfigured, "tid is required with implementation=tgt (tgtd numbers its targets)")
            } else {
                unavailable = nil
            }
            return
        }
        // Looked for only when not configured (a monitor with implementation set looks nowhere else).
        let present = Self.present(tgt: control)
        candidates = present.compactMap(make)
        // The first available, in the order LIO, SCST, tgt (as iSCSITarget chooses): start uses
        // it; monitor and stop still look at every one present.
        if let first = present.first {
            implementation = first
            backend = make(first)
            if let reason = first.unsupportedReason {
                unavailable = OCFFailure(.notInstalled, reason)
            } else if first == .tgt && tid == nil {
                unavailable = OCFFailure(.notConfigured, "tid is required with tgt, the iSCSI target found on this node")
            } else {
                unavailable = nil
            }
        } else {
            implementation = nil
            backend = nil
            // An installed but stopped tgtd (restarting, say) is a failure here, not a missing
            // program: 5 would ban the node until a cleanup.
            let tgtdInstalled = access("/usr/sbin/tgtd", X_OK) == 0
            unavailable = OCFFailure(tgtdInstalled ? .genericError : .notInstalled,
                                     "no iSCSI target runs on this node: no LIO (configfs target), no SCST "
                                     + "(/sys/kernel/scst_tgt) and no tgtd (\(control.path))"
                                     + (tgtdInstalled ? " although tgtd is installed" : "") + "; set implementation")
        }
    }

    var resourceName: String { configuration.iqn.text }

    /// What runs on this node: LIO (its iSCSI fabric in configfs), SCST, tgtd (its socket).
    static func present(tgt control: TgtControlSocket) -> [TargetImplementation] {
        var found: [TargetImplementation] = []
        if access("/sys/kernel/config/target/iscsi", F_OK) == 0 { found.append(.lio) }
        if access("/sys/kernel/scst_tgt", F_OK) == 0 { found.append(.scst) }
        if access(control.path, F_OK) == 0 { found.append(.tgt) }
        return found
    }

    /// The backend, or the reason there is none (start, reload-agent, validate-all).
    func requireBackend() throws -> any TargetBackend {
        if let unavailable { throw unavailable }
        guard let backend else { throw OCFFailure(.notInstalled, "no iSCSI target backend") }
        return backend
    }
}
