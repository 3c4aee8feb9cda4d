/// The exit codes of the OCF Resource Agent API 1.1, as a type.
public enum OCFExitCode: Int32, Sendable, CaseIterable, CustomStringConvertible {
    case success = 0
    case genericError = 1
    /// Invalid on this host (OCF_ERR_ARGS): a hard error, Pacemaker bans the resource from this node.
    case invalidArgument = 2
    case unimplemented = 3
    case insufficientPrivilege = 4
    /// Software the agent needs is missing on this host (hard error).
    case notInstalled = 5
    /// The configuration is inherently invalid (fatal: stopped everywhere).
    case notConfigured = 6
    case notRunning = 7
    case runningPromoted = 8
    case failedPromoted = 9
    case degraded = 190
    case degradedPromoted = 191

    /// The constant name as `ocf-shellfuncs` spells it.
    public var description: String {
        switch self {
        case .success: "OCF_SUCCESS"
        case .genericError: "OCF_ERR_GENERIC"
        case .invalidArgument: "OCF_ERR_ARGS"
        case .unimplemented: "OCF_ERR_UNIMPLEMENTED"
        case .insufficientPrivilege: "OCF_ERR_PERM"
        case .notInstalled: "OCF_ERR_INSTALLED"
        case .notConfigured: "OCF_ERR_CONFIGURED"
        case .notRunning: "OCF_NOT_RUNNING"
        case .runningPromoted: "OCF_RUNNING_PROMOTED"
        case .failedPromoted: "OCF_FAILED_PROMOTED"
        case .degraded: "OCF_DEGRADED"
        case .degradedPromoted: "OCF_DEGRADED_PROMOTED"
        }
    }
}

/// An action's failure: the exit code and the reason Pacemaker shows the admin.
public struct OCFFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public let code: OCFExitCode
    public let reason: String

    public init(_ code: OCFExitCode, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String { "\(code) (\(code.rawValue)): \(reason)" }
}
