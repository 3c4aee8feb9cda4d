import Glibc
import TandemCore

/// One invocation of the drbd agent: its parameters resolved, and the tools it drives.
struct DRBDAgent: PromotableResource {
    let context: AgentContext
    let resource: String
    let control: DRBDControl
    let policy: PromotionScorePolicy

    init(_ context: AgentContext) {
        self.context = context
        let parameters = context.parameters
        resource = parameters[DRBDAgentDeclaration.drbdResource]
        let recurringMonitor = context.action == .monitor && !context.isProbe
        control = DRBDControl(resource: resource,
                              configuration: parameters[DRBDAgentDeclaration.drbdconf],
                              runner: context.runner, logger: context.logger,
                              minorsCache: context.stateFile("minors"),
                              minorsRefresh: Self.minorsRefresh(context.action, isProbe: context.isProbe),
                              fallbackLogLevel: recurringMonitor ? .debug : .info)
        let levels = parameters[DRBDAgentDeclaration.adjustMasterScore]
        let peerPrimary = parameters[DRBDAgentDeclaration.removeMasterScoreIfPeerPrimary]
        policy = PromotionScorePolicy(levels: levels, peerPrimary: peerPrimary)
    }

    /// Actions that may run drbdadm anyway re-learn the minors (configuration changes come
    /// in through them); the others, above all the recurring monitor, read the cache.
    static func minorsRefresh(_ action: ActionName, isProbe: Bool) -> DRBDMinors.Refresh {
        isProbe || [.start, .reload, .reloadAgent, .validateAll].contains(action) ? .always : .whenMissing
    }

    /// The promotion score for `state` (linbit's rules; anchors.md §2).
    func score(for state: DRBDResource) -> ScoreDecision {
        policy.decide(for: state, pacemakerKnowsAPromotedInstance: pacemakerKnowsAPromotedInstance)
    }

    /// linbit's agent publishes scores in any clone, promotable or not.
    var publishesScores: Bool { context.meta.promotable || context.meta.isClone }

    var resourceName: String { resource }

    /// After each score sent: unfence_if_all_uptodate.
    func didPublishScore(for state: DRBDResource) { unfenceIfAllUpToDate(state) }

    /// unfence_if_all_uptodate: while this node is Primary with all data UpToDate on both
    /// sides, DRBD's unfence-peer handler may lift a fencing constraint left behind. It is
    /// called as soon as that state is reached, then again at most every
    /// `unfenceRecheckSeconds` while it lasts (a leftover can appear without this node seeing
    /// the link go down, e.g. a blip shorter than a monitor interval). ocf:linbit:drbd calls
    /// it in every monitor: an exec plus several CIB queries each time. A failed call is
    /// retried by the next monitor (the marker is written only on success).
    static let unfenceRecheckSeconds = 60

    func unfenceIfAllUpToDate(_ state: DRBDResource) {
        let parameters = context.parameters
        guard parameters[DRBDAgentDeclaration.unfenceIfAllUpToDate] else { return }
        let marker = context.stateFile("unfenced")
        guard Self.mayUnfence(state) else {
            Syscalls.removeFileIfPresent(marker)
            return
        }
        if let age = FileContents.ageSeconds(marker), age >= 0, age < Self.unfenceRecheckSeconds { return }
        let arguments = parameters[DRBDAgentDeclaration.unfenceExtraArgs]
        guard let result = try? control.drbdadm(
            ["unfence-peer"],
            environment: [OCFEnvironment.parameterVariable(DRBDAgentDeclaration.unfenceExtraArgs.name): arguments]),
            result.succeeded else { return }
        context.logger.info("\(resource): all UpToDate as Primary; unfence-peer handler called")
        try? FileContents.writeAtomically(marker, [], createDirectory: true)  // missing: the next monitor calls again
    }

    /// Primary, with every local and every peer disk UpToDate: no peer needs fencing.
    static func mayUnfence(_ state: DRBDResource) -> Bool {
        state.isPrimary && state.allLocalDisksUpToDate && state.allPeerDisksUpToDate
    }

    /// For `remove_master_score_if_peer_primary=unexpected`: does crm_mon show a promoted
    /// instance of this clone? When it cannot tell, assume it does (keep the score).
    func pacemakerKnowsAPromotedInstance() -> Bool {
        let source = CrmMonSource(runner: context.runner, featureSet: context.environment.featureSet?.description,
                                  sbinDirectory: context.environment.sbinDir)
        guard let status = try? source.fetch() else { return true }
        return !status.promotedNodes(of: context.environment.resourceBaseName).isEmpty
    }

    /// The state, or a failure with the reason.
    func state() throws -> DRBDResource { try control.state() }

    func observe() throws -> DRBDResource { try state() }

    /// 8 Primary, 0 Secondary, 7 down (or known to DRBD without any volume), whichever
    /// source the state came from.
    func role(of state: DRBDResource) -> PromotableRole { Self.observedRole(of: state) }

    static func observedRole(of state: DRBDResource) -> PromotableRole {
        guard state.isConfigured, !state.devices.isEmpty else { return .stopped }
        return state.isPrimary ? .promoted : .unpromoted
    }
}
