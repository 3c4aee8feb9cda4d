import Glibc
import TandemCore

/// The sample agent over its state file: a promotable resource whose whole state is the
/// role written there. Everything Pacemaker sees (codes, scores, notifications) comes from
/// `PromotableResource`; this type only reads and writes the file.
struct SampleActions: PromotableResource {
    enum Role: String { case unpromoted, promoted }

    let context: AgentContext

    private var stateFile: String {
        context.parameters[SampleDeclaration.state] ?? context.stateFile("state")
    }

    private var mode: String { context.parameters[SampleDeclaration.mode] }

    var resourceName: String { context.instance }

    var publishesScores: Bool { context.meta.promotable && context.parameters[SampleDeclaration.publishScores] }

    /// The role in the state file; nil when there is none (stopped).
    func observe() throws -> Role? {
        guard let bytes = FileContents.read(stateFile, limit: 64) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
        guard let role = Role(rawValue: text) else {
            throw OCFFailure(.genericError, "state file \(stateFile) holds \(text.debugDescription)")
        }
        if mode == "fail-monitor" && context.action == .monitor && !context.isProbe {
            throw OCFFailure(.genericError, "monitor failed on purpose (mode=fail-monitor)")
        }
        return role
    }

    func role(of observation: Role?) -> PromotableRole {
        switch observation {
        case nil: .stopped
        case .unpromoted: .unpromoted
        case .promoted: .promoted
        }
    }

    func score(for observation: Role?) -> ScoreDecision {
        switch observation {
        case .promoted: .set(context.parameters[SampleDeclaration.promotedScore])
        case .unpromoted: .set(context.parameters[SampleDeclaration.unpromotedScore])
        case nil: .remove
        }
    }

    func startResource(from observation: Role?) throws -> Role? {
        if mode == "fail-start" { throw OCFFailure(.genericError, "start failed on purpose (mode=fail-start)") }
        if observation == nil { try write(.unpromoted) }
        return try observe()
    }

    func stopResource(from observation: Role?) throws {
        if let error = Syscalls.removeFileIfPresent(stateFile) {
            throw OCFFailure(.genericError, "cannot remove \(stateFile): \(error)")
        }
    }

    func promoteResource(from observation: Role?) throws -> Role? {
        try write(.promoted)
        return try observe()
    }

    func demoteResource(from observation: Role?) throws -> Role? {
        try write(.unpromoted)
        return try observe()
    }

    /// Logs who moves in each post-notification (the tests read it).
    func react(to event: NotifyEvent, observed: Role?, promotedPeers: PromotedPeers) throws -> Role? {
        let who = (event.starting + event.stopping + event.promoting + event.demoting)
            .map { "\($0.resource)@\($0.node ?? "?")" }.joined(separator: " ")
        context.logger.info("notify \(event.timing.rawValue)-\(event.operation.rawValue): \(who)")
        return observed
    }

    private func write(_ role: Role) throws {
        do {
            try FileContents.writeAtomically(stateFile, Array((role.rawValue + "\n").utf8), createDirectory: true)
        } catch {
            throw OCFFailure(.genericError, "cannot write \(stateFile): \(error)")
        }
    }
}
