import Foundation
import TandemCore

/// Runs a built agent binary as Pacemaker would: one action, parameters and meta
/// attributes in the environment, and returns its exit code and output.
struct AgentInvocation {
    var agent: String
    var instance = "test-rsc"
    var parameters: [String: String] = [:]
    var meta: [String: String] = [:]
    var extra: [String: String] = [:]

    init(_ agent: String) { self.agent = agent }

    struct Outcome {
        let code: Int32
        let stdout: String
        let stderr: String

        /// The last exit reason, as Pacemaker reads it.
        func exitReason(prefix: String = "ocf-exit-reason:") -> String? {
            stderr.split(separator: "\n").last { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
        }
    }

    func run(_ action: String) throws -> Outcome {
        var environment = ["OCF_ROOT": "/usr/lib/ocf", "OCF_RESOURCE_INSTANCE": instance,
                           "OCF_RA_VERSION_MAJOR": "1", "OCF_RA_VERSION_MINOR": "1",
                           "HA_LOGFACILITY": "none"]
        for (key, value) in parameters { environment["OCF_RESKEY_" + key] = value }
        for (key, value) in meta { environment["OCF_RESKEY_CRM_meta_" + key] = value }
        environment.merge(extra) { $1 }
        let result = try TestCommands.run(TestCommands.binary(agent), [action], environment: environment)
        guard case .exited(let code) = result.status else {
            throw OCFFailure(.genericError, "\(agent) \(action): \(result.status)")
        }
        return Outcome(code: code, stdout: result.stdoutText, stderr: result.stderrText)
    }
}
