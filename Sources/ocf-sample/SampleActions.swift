import Glibc
import TandemCore

/// The sample agent's actions over its state file.
struct SampleActions {
    enum Role: String { case unpromoted, promoted }

    let context: AgentContext

    private var stateFile: String {
        context.parameters[SampleDeclaration.state] ?? context.stateFile("state")
    }

    private var mode: String { context.parameters[SampleDeclaration.mode] }

    func currentRole() throws -> Role? {
        guard let bytes = FileContents.read(stateFile, limit: 64) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
        guard let role = Role(rawValue: text) else {
            throw OCFFailure(.genericError, "state file \(stateFile) holds \(text.debugDescription)")
        }
        return role
    }

    func start() throws -> OCFExitCode {
        if mode == "fail-start" { throw OCFFailure(.genericError, "start failed on purpose (mode=fail-start)") }
        if try currentRole() == nil { try write(.unpromoted) }
        publishScore(for: try currentRole() ?? .unpromoted)
        return .success
    }

    func stop() throws -> OCFExitCode {
        if let error = Syscalls.removeFileIfPresent(stateFile) {
            throw OCFFailure(.genericError, "cannot remove \(stateFile): \(error)")
        }
        publishScore(for: nil)
        return .success
    }

    func monitor() throws -> OCFExitCode {
        guard let role = try currentRole() else { return .notRunning }
        if mode == "fail-monitor" && !context.isProbe {
            throw OCFFailure(.genericError, "monitor failed on purpose (mode=fail-monitor)")
        }
        publishScore(for: role)
        return role == .promoted ? .runningPromoted : .success
    }

    func promote() throws -> OCFExitCode {
        guard try currentRole() != nil else {
            throw OCFFailure(.notRunning, "cannot promote a resource that is not started")
        }
        try write(.promoted)
        publishScore(for: .promoted)
        return .success
    }

    func demote() throws -> OCFExitCode {
        guard try currentRole() != nil else {
            throw OCFFailure(.notRunning, "cannot demote a resource that is not started")
        }
        try write(.unpromoted)
        publishScore(for: .unpromoted)
        return .success
    }

    func notify() -> OCFExitCode {
        if let event = context.notification {
            let who = (event.starting + event.stopping + event.promoting + event.demoting)
                .map { "\($0.resource)@\($0.node ?? "?")" }.joined(separator: " ")
            context.logger.info("notify \(event.timing.rawValue)-\(event.operation.rawValue): \(who)")
        }
        return .success
    }

    private func write(_ role: Role) throws {
        do {
            try FileContents.writeAtomically(stateFile, Array((role.rawValue + "\n").utf8), createDirectory: true)
        } catch {
            throw OCFFailure(.genericError, "cannot write \(stateFile): \(error)")
        }
    }

    /// Scores only in a promotable clone; a failed update is logged, never fatal.
    private func publishScore(for role: Role?) {
        guard context.meta.promotable, context.parameters[SampleDeclaration.publishScores] else { return }
        let score: Int? = switch role {
        case .promoted: context.parameters[SampleDeclaration.promotedScore]
        case .unpromoted: context.parameters[SampleDeclaration.unpromotedScore]
        case nil: nil
        }
        if case .failed(let reason) = PromotionScore(context: context).update(score) {
            context.logger.warning("promotion score not updated: \(reason)")
        }
    }
}
