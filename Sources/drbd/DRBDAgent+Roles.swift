import Glibc
import TandemCore

extension DRBDAgent {
    /// DRBD's exit code for "no access to UpToDate data / the fence-peer handler failed".
    static let noUpToDateData: Int32 = 17

    /// A failed promote returns no sooner than this after it began (within its budget), as
    /// ocf:linbit:drbd does: Pacemaker answers a failure with stop/start/promote at once, and
    /// each round calls the fence handler and writes the CIB.
    static let promoteFailureMinimumMilliseconds = 15_000

    /// promote: `drbdadm primary`, retried within the budget; refused while a peer is
    /// Primary unless dual-primary is configured. A failure is returned after a back-off.
    func promote() throws -> OCFExitCode {
        do {
            return try promoteOnce()
        } catch {
            backOffAfterFailedPromote()
            throw error
        }
    }

    /// Waits until `promoteFailureMinimumMilliseconds` have passed since the action began, or
    /// the budget ends.
    func backOffAfterFailedPromote() {
        let elapsed = context.budget.started.milliseconds(until: .now())
        let wait = min(Self.promoteFailureMinimumMilliseconds - elapsed, context.budget.remainingMilliseconds())
        guard wait > 0 else { return }
        context.logger.info("\(resource): promote failed; waiting \(wait) ms before reporting it (no tight recovery loop)")
        Syscalls.sleep(milliseconds: wait)
    }

    private func promoteOnce() throws -> OCFExitCode {
        var current = try state()
        guard current.isConfigured else {
            throw OCFFailure(.genericError, "cannot promote \(resource): it is not started")
        }
        if current.isPrimary {
            publishScore(for: current)
            return .success
        }
        let promotedMax = context.meta.promotedMax ?? 1
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
        guard promoted != nil else { throw OCFFailure(.genericError, "cannot promote \(resource): \(lastFailure)") }
        publishScore(for: current)
        return .success
    }

    /// Whether promote must wait before `drbdadm primary`: a peer is Primary and only one
    /// Primary is allowed.
    static func mustWaitForPeer(_ state: DRBDResource, promotedMax: Int) -> Bool {
        promotedMax < 2 && state.somePeerPrimary
    }

    /// demote: `drbdadm secondary` until Secondary (it fails while the device is open).
    func demote() throws -> OCFExitCode {
        var current = try state()
        guard current.isConfigured else {
            throw OCFFailure(.notRunning, "cannot demote \(resource): it is not running")
        }
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
        guard demoted != nil else { throw OCFFailure(.genericError, "cannot demote \(resource): \(lastFailure)") }
        publishScore(for: current)
        return .success
    }

    /// notify: remember which peers are promoted; reconnect to a starting peer; re-score.
    func notify() throws -> OCFExitCode {
        guard let event = context.notification else { return .success }
        var notes = PeerNotes.load(notesPath)
        notes.apply(event, localNode: localNode)
        if event.timing == .post { notes.save(notesPath) }
        let current = try state()
        if event.timing == .post, event.operation == .start, current.isConfigured,
           !current.connections.allSatisfy({ $0.state == .connected }) {
            _ = try control.drbdadm(["adjust"])
        }
        if event.timing == .post {
            let now = try state()
            publishScore(for: now)
            outdateWhileAPeerStaysPrimary(event, now)
        }
        return .success
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
              let peer = PeerNotes.peerStayingPromoted(after: event, localNode: localNode) else { return }
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
