import Glibc
import TandemCore

/// One invocation of the drbd agent: its parameters resolved, and the tools it drives.
struct DRBDAgent {
    let context: AgentContext
    let resource: String
    let control: DRBDControl
    let policy: PromotionScorePolicy

    init(_ context: AgentContext) {
        self.context = context
        let parameters = context.parameters
        resource = parameters[DRBDAgentDeclaration.drbdResource] ?? ""
        let recurringMonitor = context.action == .monitor && !context.isProbe
        control = DRBDControl(resource: resource,
                              configuration: parameters[DRBDAgentDeclaration.drbdconf] ?? "/etc/drbd.conf",
                              runner: context.runner, logger: context.logger,
                              minorsCache: context.stateFile("minors"),
                              minorsRefresh: Self.minorsRefresh(context.action, isProbe: context.isProbe),
                              fallbackLogLevel: recurringMonitor ? .debug : .info)
        let levels = parameters[DRBDAgentDeclaration.adjustMasterScore].flatMap(ScoreLevels.init(parsing:)) ?? .standard
        let peerPrimary = parameters[DRBDAgentDeclaration.removeMasterScoreIfPeerPrimary]
            .flatMap(PeerPrimaryPolicy.init(rawValue:)) ?? .never
        policy = PromotionScorePolicy(levels: levels, peerPrimary: peerPrimary)
    }

    var notesPath: String { context.stateFile("peers") }

    /// Actions that may run drbdadm anyway re-learn the minors (configuration changes come
    /// in through them); the others, above all the recurring monitor, read the cache.
    static func minorsRefresh(_ action: ActionName, isProbe: Bool) -> DRBDMinors.Refresh {
        isProbe || [.start, .reload, .validateAll].contains(action) ? .always : .whenMissing
    }

    /// This node's name as Pacemaker knows it.
    var localNode: String? {
        if let node = context.meta.onNode { return node }
        var name = [CChar](repeating: 0, count: 256)
        guard gethostname(&name, name.count) == 0 else { return nil }
        return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The promotion score for `state`, published when it changed (always in probes and
    /// in every action but the recurring monitor). A failed update is logged: the action's
    /// own result stands.
    func publishScore(for state: DRBDResource) {
        guard context.meta.promotable || context.meta.isClone else { return }
        let decision = policy.decide(for: state, pacemakerKnowsAPromotedInstance: pacemakerKnowsAPromotedInstance)
        let score: Int?
        switch decision {
        case .unchanged: return
        case .remove: score = nil
        case .set(let value): score = value
        }
        if case .failed(let reason) = PromotionScore(context: context).update(score) {
            context.logger.warning("promotion score not updated: \(reason)")
        }
        if case .set = decision, state.isPrimary, state.allPeerDisksUpToDate,
           context.parameters[DRBDAgentDeclaration.unfenceIfAllUpToDate] == true {
            _ = try? control.drbdadm(["unfence-peer"], capMilliseconds: 10_000)
        }
    }

    /// For `remove_master_score_if_peer_primary=unexpected`: does crm_mon show a promoted
    /// instance of this clone? When it cannot tell, assume it does (keep the score).
    func pacemakerKnowsAPromotedInstance() -> Bool {
        let source = CrmMonSource(runner: context.runner, featureSet: context.environment.featureSet?.description,
                                  sbinDirectory: context.environment.sbinDir, capMilliseconds: 5_000)
        guard let status = try? source.fetch() else { return true }
        return !status.promotedNodes(of: context.environment.resourceBaseName).isEmpty
    }

    /// The state, or a failure with the reason.
    func state() throws -> DRBDResource { try control.state() }
}
