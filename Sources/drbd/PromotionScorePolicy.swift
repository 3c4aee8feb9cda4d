import TandemCore

/// When to drop the score while a peer is Primary (`remove_master_score_if_peer_primary`).
enum PeerPrimaryPolicy: String, Sendable, OCFEnumeration {
    case never = "false"
    case always = "true"
    /// Only when Pacemaker knows of no promoted instance (a Primary it did not make).
    case unexpected
}

/// What the promotion score should become for a DRBD state: the linbit agent's rules,
/// in their order (anchors.md §2). Transitional disk states (Attaching, Negotiating) and
/// state words this agent does not know leave the published score as it is.
struct PromotionScorePolicy: Sendable {
    let levels: ScoreLevels
    let peerPrimary: PeerPrimaryPolicy

    /// - Parameters:
    ///   - state: the resource as DRBD reports it.
    ///   - pacemakerKnowsAPromotedInstance: asked only for `unexpected`, and only when a peer
    ///     is Primary (it costs a crm_mon call).
    func decide(for state: DRBDResource, pacemakerKnowsAPromotedInstance: () -> Bool = { true }) -> ScoreDecision {
        guard state.isConfigured else { return .remove }
        // A state word of a newer DRBD could answer the questions below either way.
        if !state.unrecognizedWords.isEmpty { return .unchanged }
        if !state.hasQuorum { return .remove }
        if peerPrimaryRemoves(state, pacemakerKnowsAPromotedInstance) { return .remove }
        if state.isDisklessClient {
            if (state.isPrimary && state.somePeerHasAllDisksUpToDate) || state.allPeerDisksUpToDate {
                return .score(levels.best - 1)
            }
            return state.somePeerHasAllDisksUpToDate ? .score(levels.upToDatePeerUnknown - 1) : .remove
        }
        if state.allLocalDisksUpToDate {
            if state.isPrimary { return .score(levels.best) }
            return state.anyPeerDiskUnknown ? .score(levels.upToDatePeerUnknown) : .score(levels.best)
        }
        if state.somePeerHasAllDisksUpToDate { return .score(levels.peerUpToDate) }
        if state.isTransitional { return .unchanged }
        if state.allLocalDisksConsistent { return .score(levels.consistent) }
        return .remove
    }

    private func peerPrimaryRemoves(_ state: DRBDResource, _ pacemakerKnows: () -> Bool) -> Bool {
        guard peerPrimary != .never, !state.isPrimary, state.somePeerPrimary, state.somePeerHasAllDisksUpToDate else {
            return false
        }
        return peerPrimary == .always || !pacemakerKnows()
    }
}
