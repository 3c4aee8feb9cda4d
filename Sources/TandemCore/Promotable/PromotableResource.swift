/// The shape every promotable agent shares, as Pacemaker's Stateful has it: observe the
/// role (monitor 8/0/7), start unpromoted, promote, demote, stop, notify; the promotion
/// score follows each observed state, is sent in probes and after every action, and goes on
/// stop; post-notifications keep the list of promoted peers.
///
/// An agent supplies what is its own: how to observe, what role and score a state means, and
/// the work of each transition (`startResource`, ...). The actions here wrap that work with
/// the rules above, so that every promotable agent answers Pacemaker the same way.
public protocol PromotableResource {
    /// What one look at the resource tells (a DRBD state, a target's ALUA state, ...).
    associatedtype Observation

    var context: AgentContext { get }
    /// The resource as logs and exit reasons name it (`r0`, the target's IQN).
    var resourceName: String { get }
    /// Whether this instance publishes promotion scores; by default in a promotable clone.
    var publishesScores: Bool { get }

    /// Looks at the resource. Throws `OCFFailure`, or an error that is a `MissingPrerequisite`
    /// when this host lacks what it needs (a probe then reports "not running").
    func observe() throws -> Observation
    /// The role `observation` shows.
    func role(of observation: Observation) -> PromotableRole
    /// The promotion score `observation` calls for.
    func score(for observation: Observation) -> ScoreDecision

    /// Brings the resource up (or finds it up) unpromoted; returns the state it ended in.
    func startResource(from observation: Observation) throws -> Observation
    /// Takes the resource down; "already down" is success.
    func stopResource(from observation: Observation) throws
    /// Promotes a resource that runs unpromoted; returns the state it ended in.
    func promoteResource(from observation: Observation) throws -> Observation
    /// Demotes a promoted resource; returns the state it ended in.
    func demoteResource(from observation: Observation) throws -> Observation

    /// Before monitor looks: a missing tool or device throws (`OCFFailure(.notInstalled)`).
    func checkMonitorPrerequisites() throws
    /// What monitor says about an observation besides its role: warnings, or a failure
    /// (after the score was sent) for a state that is neither role.
    func inspect(_ observation: Observation) throws
    /// After a score was sent for `observation` (not when it was left unchanged).
    func didPublishScore(for observation: Observation)
    /// After a failed promote, before the failure is reported.
    func promoteDidFail()
    /// After stop took the resource down and removed the score.
    func didStop(promotedPeers: PromotedPeers)
    /// After a post-notification was folded into `promotedPeers`, before the score is sent
    /// again; returns the state to score (changed if the reaction changed it).
    func react(to event: NotifyEvent, observed: Observation, promotedPeers: PromotedPeers) throws -> Observation
    /// After the post-notification's score was sent: what may take long or fail comes here,
    /// so that it cannot keep the score from being sent.
    func didNotify(_ event: NotifyEvent, observed: Observation)
}

extension PromotableResource {
    public var publishesScores: Bool { context.meta.promotable }
    public func checkMonitorPrerequisites() throws {}
    public func inspect(_ observation: Observation) {}
    public func didPublishScore(for observation: Observation) {}
    public func promoteDidFail() {}
    public func didStop(promotedPeers: PromotedPeers) {}
    public func react(to event: NotifyEvent, observed: Observation,
                      promotedPeers: PromotedPeers) throws -> Observation { observed }
    public func didNotify(_ event: NotifyEvent, observed: Observation) {}

    /// Where the promoted peers learned from notifications are kept between invocations.
    public var promotedPeersFile: String { context.stateFile("peers") }

    /// The promoted peers as the last post-notification left them.
    public var promotedPeers: PromotedPeers { PromotedPeers.load(promotedPeersFile) }

    /// This node's name as Pacemaker knows it.
    public var localNode: String? { context.localNode }

    /// start: the resource runs unpromoted afterwards, or start fails.
    public func start() throws -> OCFExitCode {
        let started = try startResource(from: observe())
        switch role(of: started) {
        case .promoted: throw OCFFailure(.genericError, "\(resourceName) is still promoted after start")
        case .stopped: throw OCFFailure(.genericError, "\(resourceName) is not running after start")
        case .unpromoted: break
        }
        publishScore(for: started)
        return .success
    }

    /// stop: down, then the score goes (a stopped node must not keep a score Pacemaker could
    /// promote it on). A score that cannot be removed is logged: the stop has succeeded, and a
    /// failed stop would fence the node.
    public func stop() throws -> OCFExitCode {
        try stopResource(from: observe())
        if publishesScores, case .failed(let reason) = PromotionScore(context: context).update(nil, force: true) {
            context.logger.warning("promotion score not removed: \(reason)")
        }
        didStop(promotedPeers: promotedPeers)
        return .success
    }

    /// monitor: 8 promoted, 0 unpromoted, 7 stopped; the score follows the state.
    public func monitor() throws -> OCFExitCode {
        try checkMonitorPrerequisites()
        let observation = try observe()
        publishScore(for: observation)
        try inspect(observation)
        return role(of: observation).monitorResult
    }

    /// promote: success at once when already promoted; a stopped resource cannot be promoted.
    public func promote() throws -> OCFExitCode {
        do {
            let current = try observe()
            switch role(of: current) {
            case .promoted:
                publishScore(for: current)
                return .success
            case .stopped:
                throw OCFFailure(.genericError, "cannot promote \(resourceName): it is not started")
            case .unpromoted:
                let promoted = try promoteResource(from: current)
                guard role(of: promoted) == .promoted else {
                    throw OCFFailure(.genericError, "cannot promote \(resourceName): still \(role(of: promoted).rawValue)")
                }
                publishScore(for: promoted)
                return .success
            }
        } catch {
            promoteDidFail()
            throw error
        }
    }

    /// demote: success at once when unpromoted; a stopped resource reports "not running".
    public func demote() throws -> OCFExitCode {
        let current = try observe()
        switch role(of: current) {
        case .stopped:
            throw OCFFailure(.notRunning, "cannot demote \(resourceName): it is not running")
        case .unpromoted:
            publishScore(for: current)
            return .success
        case .promoted:
            let demoted = try demoteResource(from: current)
            guard role(of: demoted) == .unpromoted else {
                throw OCFFailure(.genericError, "cannot demote \(resourceName): still \(role(of: demoted).rawValue)")
            }
            publishScore(for: demoted)
            return .success
        }
    }

    /// notify: a post-notification updates the promoted peers, lets the agent react, and
    /// sends the score again. Pre-notifications change nothing.
    public func notify() throws -> OCFExitCode {
        guard let event = context.notification, event.timing == .post else { return .success }
        var peers = promotedPeers
        peers.apply(event, localNode: localNode)
        peers.save(promotedPeersFile)
        let observed = try react(to: event, observed: observe(), promotedPeers: peers)
        publishScore(for: observed)
        didNotify(event, observed: observed)
        return .success
    }

    /// Sends the score `observation` calls for (only when it changed, except in probes and
    /// actions other than the recurring monitor). A failed update is logged: the action's
    /// own result stands.
    public func publishScore(for observation: Observation) {
        guard publishesScores else { return }
        let value: Int?
        switch score(for: observation) {
        case .unchanged: return
        case .remove: value = nil
        case .set(let score): value = score
        }
        if case .failed(let reason) = PromotionScore(context: context).update(value) {
            context.logger.warning("promotion score not updated: \(reason)")
        }
        didPublishScore(for: observation)
    }
}

/// An error meaning this host lacks what the resource needs (a tool, a definition, a
/// device). In a probe the runtime reports the resource not running (7): nothing can run here.
public protocol MissingPrerequisite: Error {}
