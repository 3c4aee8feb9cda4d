import Foundation
import TandemCore

/// Runs a built agent binary as Pacemaker would: one action, parameters and meta
/// attributes in the environment, and returns its exit code and output.
public struct AgentInvocation {
    public var agent: String
    public var instance = "test-rsc"
    public var parameters: [String: String] = [:]
    public var meta: [String: String] = [:]
    public var extra: [String: String] = [:]

    public init(_ agent: String) { self.agent = agent }

    public struct Outcome {
        public let code: Int32
        public let stdout: String
        public let stderr: String

        /// The last exit reason, as Pacemaker reads it.
        public func exitReason(prefix: String = "ocf-exit-reason:") -> String? {
            stderr.split(separator: "\n").last { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
        }
    }

    public func run(_ action: String) throws -> Outcome {
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
