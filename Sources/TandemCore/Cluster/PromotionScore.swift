import Glibc

/// Publishes this node's promotion score for a promotable clone instance.
///
/// Uses `crm_attribute --promotion` on Pacemaker ≥ 2.1 (feature set 3.10.0) or when
/// `crm_master` is absent, else `crm_master -l reboot`; from `HA_SBIN_DIR` when set.
/// The call is time-boxed by the operation's budget (a hung attribute update must not
/// turn a monitor into a timeout), and a value equal to the last one sent is not sent
/// again unless `force` is given or `reassertSeconds` have passed (the last value is kept
/// under `HA_RSCTMP`).
public struct PromotionScore: Sendable {
    public let instance: String
    public let node: String?
    public let featureSet: FeatureSet?
    public let sbinDirectory: String?
    public let cacheFile: String
    public let runner: CommandRunner
    /// Longest time one update may take, whatever the budget says.
    public let capMilliseconds: Int
    /// Send even an unchanged value. Set for probes and every action but the recurring
    /// monitor: after a Pacemaker restart the attribute is gone while the cache remains.
    public let alwaysSend: Bool

    public init(instance: String, node: String?, featureSet: FeatureSet?, sbinDirectory: String?,
                cacheDirectory: String, runner: CommandRunner, capMilliseconds: Int = 15_000,
                alwaysSend: Bool = false) {
        self.instance = instance
        self.node = node
        self.featureSet = featureSet
        self.sbinDirectory = sbinDirectory
        self.cacheFile = cacheDirectory + "/tandem-promotion-score-" + instance.replacingAll("/", with: "_")
        self.runner = runner
        self.capMilliseconds = capMilliseconds
        self.alwaysSend = alwaysSend
    }

    /// The score updater for the invocation in `context`.
    public init(context: AgentContext) {
        self.init(instance: context.instance, node: context.meta.onNode, featureSet: context.environment.featureSet,
                  sbinDirectory: context.environment.sbinDir, cacheDirectory: context.environment.rscTmp,
                  runner: context.runner, alwaysSend: context.isProbe || context.action != .monitor)
    }

    /// What an update did.
    public enum Outcome: Sendable, Equatable {
        /// The same value was sent before: nothing was run.
        case unchanged
        case sent
        /// The tool failed or timed out; the reason is for the log (the action goes on).
        case failed(String)
    }

    /// An unchanged score is sent again once it is this old: the attribute can vanish behind
    /// the agent's back (an admin's `crm_attribute -D`, an attrd that lost it), and a node
    /// without its score is never promoted at failover. Probes and every action but the
    /// recurring monitor send it anyway (a cleanup or a Pacemaker restart re-probes). A
    /// crm_attribute costs about twice a monitor (measured in scripts/bench-drbd), so at a 10 s
    /// monitor this is one extra exec in 30 monitors instead of one in each.
    public static let reassertSeconds = 300

    /// Sets the score, or removes it when `score` is nil. `force` overrides `alwaysSend`.
    public func update(_ score: Int?, force: Bool? = nil) -> Outcome {
        let wanted = score.map(String.init) ?? "none"
        if !(force ?? alwaysSend), lastSent() == wanted,
           let age = FileContents.ageSeconds(cacheFile), age >= 0, age < Self.reassertSeconds {
            return .unchanged
        }
        let command = self.command(for: score)
        do {
            let result = try runner.run(command, capMilliseconds: capMilliseconds)
            // Deleting an attribute that does not exist is success for us.
            guard result.succeeded else { return .failed(result.summary) }
        } catch {
            return .failed(String(describing: error))
        }
        remember(wanted)
        return .sent
    }

    /// The command that sets (or with nil, deletes) the score.
    public func command(for score: Int?) -> Command {
        let valueArguments = score.map { ["-v", String($0)] } ?? ["-D"]
        if usesPromotionOption {
            var arguments = ["--promotion=" + instance]
            if let node { arguments += ["-N", node] }
            return Command(tool("crm_attribute"), arguments + ["-q"] + valueArguments,
                           environment: [OCFEnvironment.Key.resourceInstance: instance])
        }
        var environment = [OCFEnvironment.Key.resourceInstance: instance]
        if let node { environment[OCFEnvironment.Key.metaPrefix + "on_node"] = node }
        return Command(tool("crm_master"), ["-Q", "-l", "reboot"] + valueArguments, environment: environment)
    }

    /// Pacemaker ≥ 2.1 has `--promotion`; without a feature set, only when crm_master is gone.
    var usesPromotionOption: Bool {
        if let featureSet { return featureSet >= .promotionAttributeCommand }
        return runner.resolve(tool("crm_master")) == nil
    }

    private func tool(_ name: String) -> String {
        sbinDirectory.map { $0 + "/" + name } ?? name
    }

    /// Forgets the last value sent, so the next update runs whatever it is.
    public func forget() { unlink(cacheFile) }

    func lastSent() -> String? {
        guard let bytes = FileContents.read(cacheFile, limit: 64) else { return nil }
        return String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
    }

    private func remember(_ value: String) {
        // Without the cache the next monitor sends the score again: harmless.
        try? FileContents.writeAtomically(cacheFile, Array((value + "\n").utf8), createDirectory: true)
    }
}
