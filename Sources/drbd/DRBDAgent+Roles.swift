import Glibc
import TandemCore

extension DRBDAgent {
    /// DRBD's exit code for "no access to UpToDate data / the fence-peer handler failed".
    static let noUpToDateData: Int32 = 17

    /// A failed promote returns no sooner than this after it began (within its budget), as
    /// ocf:linbit:drbd does: Pacemaker answers a failure with stop/start/promote at once, and
    /// each round calls the fence handler and writes the CIB.
    static let promoteFailureMinimumMilliseconds = 15_000

    /// After a failed promote: waits until `promoteFailureMinimumMilliseconds` have passed
    /// since the action began, or the budget ends.
    func promoteDidFail() {
        let elapsed = context.budget.started.milliseconds(until: .now())
        let wait = min(Self.promoteFailureMinimumMilliseconds - elapsed, context.budget.remainingMilliseconds())
        guard wait > 0 else { return }
        context.logger.info("\(resource): promote failed; waiting \(wait) ms before reporting it (no tight recovery loop)")
        Syscalls.sleep(milliseconds: wait)
    }

    /// promote: `drbdadm primary`, retried within the budget; refused while a peer is
    /// Primary unless dual-primary is configured.
    func promoteResource(from observed: DRBDResource) throws -> DRBDResource {
        var current = observed
        let promotedMax = context.meta.promotedLimit
        if Self.mustWaitForPeer(current, promotedMax: promotedMax) {
            // Pacemaker promotes as soon as the cluster lost the old Primary; DRBD notices the
            // dead connection only after its ping timeout and refuses a second Primary until
            // then. Wait for that (or for the peer's demotion) within the budget.
            context.logger.info("\(resource): the peer is still Primary for DRBD; waiting for it to demote or disconnect")
            let deadline = context.budget.deadline(cappedAt: context.budget.remainingMilliseconds() - 2_000)
            current = try control.waitForState(until: deadline, intervalMilliseconds: 500) {
                !Self.mustWaitForPeer($0, promotedMax: promotedMax)
            }
            if Self.mustWaitForPeer(current, promotedMax: promotedMax) {
                throw OCFFailure(.genericError, "refusing to promote \(resource): a peer is still Primary and "
                                 + "promoted-max is \(promotedMax)")
            }
        }
        var lastFailure = ""
        let promoted = try context.budget.poll(every: 1_000, until: context.budget.deadline.adding(milliseconds: -2_000)) {
            () throws -> DRBDResource? in
            let result = try control.drbdadm(["primary"])
            current = try state()
            if current.isPrimary { return current }
            if case .exited(Self.noUpToDateData) = result.status {
                throw OCFFailure(.genericError, "refusing to be promoted to Primary without access to UpToDate data "
                                 + "(\(resource): \(result.summary))")
            }
            lastFailure = result.summary
            return nil
        }
        guard let promoted else { throw OCFFailure(.genericError, "cannot promote \(resource): \(lastFailure)") }
        return promoted
    }

    /// Whether promote must wait before `drbdadm primary`: a peer is Primary and only one
    /// Primary is allowed.
    static func mustWaitForPeer(_ state: DRBDResource, promotedMax: Int) -> Bool {
        promotedMax < 2 && state.somePeerPrimary
    }

    /// demote: `drbdadm secondary` until Secondary (it fails while the device is open).
    func demoteResource(from observed: DRBDResource) throws -> DRBDResource {
        var current = observed
        var lastFailure = ""
        // `drbdadm secondary` fails while the device is open (a target still holds it): again.
        let demoted = try context.budget.poll(every: 500, until: context.budget.deadline.adding(milliseconds: -1_500)) {
            () throws -> DRBDResource? in
            guard current.isPrimary else { return current }
            let result = try control.drbdadm(["secondary"])
            lastFailure = result.summary
            current = try state()
            return current.isPrimary ? nil : current
        }
        guard let demoted else { throw OCFFailure(.genericError, "cannot demote \(resource): \(lastFailure)") }
        return demoted
    }

    /// After a post-notification: reconnect to a starting peer (before the score is sent).
    func react(to event: NotifyEvent, observed: DRBDResource, promotedPeers: PromotedPeers) throws -> DRBDResource {
        guard event.operation == .start, observed.isConfigured,
              !observed.connections.allSatisfy({ $0.state == .connected }) else { return observed }
        _ = try control.drbdadm(["adjust"])
        return try state()
    }

    /// After the score was sent: outdate this node's data when it lost a peer that stays Primary.
    func didNotify(_ event: NotifyEvent, observed: DRBDResource) {
        outdateWhileAPeerStaysPrimary(event, observed)
    }

    /// stop_outdates_secondary, after a transition: a disconnected Secondary while another
    /// node stays Primary has stale data from now on, so it says so in its own meta-data
    /// (`drbdadm outdate`), as ocf:linbit:drbd does. Nodes being promoted in this transition
    /// do not count (linbit's reason: a stacked resource would outdate the data it is about to
    /// promote); nodes being stopped do not either.
    func outdateWhileAPeerStaysPrimary(_ event: NotifyEvent, _ current: DRBDResource) {
        // With a state word this agent does not know, "peer disk unknown" cannot be told.
        guard context.parameters[DRBDAgentDeclaration.stopOutdatesSecondary],
              current.isConfigured, current.unrecognizedWords.isEmpty, current.anyPeerDiskUnknown,
              let peer = PromotedPeers.peerStayingPromoted(after: event, localNode: localNode) else { return }
        if current.isPrimary {
            context.logger.critical("\(resource): split brain risk: this node and \(peer) are both Primary "
                                    + "while the replication link is down")
            return
        }
        if let result = try? control.drbdadm(["outdate"]), result.succeeded {
            context.logger.info("\(resource): outdated the local data: \(peer) is still Primary and unreachable")
        }
    }
}
