import Foundation
import TandemCore

/// Runs a built agent binary as Pacemaker would: one action, parameters and meta
/// attributes in the environment, optionally inside a network namespace (through
/// `nsenter`), and returns its exit code and output.
public struct AgentInvocation {
    public var agent: String
    public var instance = "test-rsc"
    /// A named network namespace (`/run/netns/NAME`) to run the agent in; nil for this one.
    public var namespace: String?
    public var parameters: [String: String] = [:]
    public var meta: [String: String] = [:]
    public var extra: [String: String] = [:]

    public init(_ agent: String) { self.agent = agent }

    public struct Outcome: CustomStringConvertible {
        public let code: Int32
        public let stdout: String
        public let stderr: String

        /// The last exit reason, as Pacemaker reads it.
        public func exitReason(prefix: String = "ocf-exit-reason:") -> String? {
            stderr.split(separator: "\n").last { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
        }

        public var description: String { "exit \(code); stderr: \(stderr)" }
    }

    /// The environment the agent gets.
    public var environment: [String: String] {
        var environment = ["OCF_ROOT": "/usr/lib/ocf", "OCF_RESOURCE_INSTANCE": instance,
                           "OCF_RA_VERSION_MAJOR": "1", "OCF_RA_VERSION_MINOR": "1",
                           "HA_LOGFACILITY": "none"]
        for (key, value) in parameters { environment["OCF_RESKEY_" + key] = value }
        for (key, value) in meta { environment["OCF_RESKEY_CRM_meta_" + key] = value }
        environment.merge(extra) { $1 }
        return environment
    }

    public func run(_ action: String) throws -> Outcome {
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
    public func monitor() throws -> Outcome {
        var recurring = self
        recurring.meta["interval"] = "10000"
        return try recurring.run("monitor")
    }
}
