import Foundation
import TandemCore

/// Runs the built agent as Pacemaker would (one action, parameters and meta attributes in
/// the environment), optionally inside a network namespace through `nsenter`.
struct AgentInvocation {
    var agent: String
    var instance = "vip"
    var namespace: String?
    var parameters: [String: String] = [:]
    var meta: [String: String] = [:]
    var extra: [String: String] = [:]

    init(_ agent: String) { self.agent = agent }

    struct Outcome: CustomStringConvertible {
        let code: Int32
        let stdout: String
        let stderr: String

        /// The last exit reason, as Pacemaker reads it.
        var exitReason: String? {
            stderr.split(separator: "\n").last { $0.hasPrefix("ocf-exit-reason:") }
                .map { String($0.dropFirst("ocf-exit-reason:".count)) }
        }

        var description: String { "exit \(code); stderr: \(stderr)" }
    }

    /// The environment the agent gets.
    var environment: [String: String] {
        var environment = ["OCF_ROOT": "/usr/lib/ocf", "OCF_RESOURCE_INSTANCE": instance,
                           "OCF_RA_VERSION_MAJOR": "1", "OCF_RA_VERSION_MINOR": "1", "HA_LOGFACILITY": "none"]
        for (key, value) in parameters { environment["OCF_RESKEY_" + key] = value }
        for (key, value) in meta { environment["OCF_RESKEY_CRM_meta_" + key] = value }
        environment.merge(extra) { $1 }
        return environment
    }

    func run(_ action: String) throws -> Outcome {
        let binary = TestCommands.binary(agent)
        let (executable, arguments) = namespace.map { ("nsenter", ["--net=/run/netns/\($0)", "--", binary, action]) }
            ?? (binary, [action])
        let result = try TestCommands.run(executable, arguments, environment: environment)
        guard case .exited(let code) = result.status else {
            throw LabError("\(agent) \(action): \(result.status)")
        }
        return Outcome(code: code, stdout: result.stdoutText, stderr: result.stderrText)
    }

    /// A recurring monitor (interval 10 s), as opposed to a probe.
    func monitor() throws -> Outcome {
        var recurring = self
        recurring.meta["interval"] = "10000"
        return try recurring.run("monitor")
    }
}
