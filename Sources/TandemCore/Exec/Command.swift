/// One external command as a value: an executable and its argv, never a shell line.
public struct Command: Sendable, Equatable, CustomStringConvertible {
    /// A bare name (looked up in `PATH`, then the sbin/bin directories) or an absolute path.
    public var executable: String
    public var arguments: [String]
    /// Variables set on top of the inherited environment. `LC_ALL=C` is always set.
    public var environment: [String: String]
    /// Bytes kept of stdout and of stderr each; the rest is read and dropped.
    public var outputLimit: Int
    /// Bytes written to the child's stdin (otherwise stdin is /dev/null).
    public var input: [UInt8]?

    public init(_ executable: String, _ arguments: [String] = [], environment: [String: String] = [:],
                outputLimit: Int = 4 << 20, input: [UInt8]? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.outputLimit = outputLimit
        self.input = input
    }

    /// The command as an admin would type it, for logs only (never executed as such).
    public var description: String {
        ([executable] + arguments).map { word in
            word.isEmpty || word.contains(where: { " \t\n'\"\\$`;&|<>*?()[]{}".contains($0) })
                ? "'" + word.replacingAll("'", with: "'\\''") + "'" : word
        }.joined(separator: " ")
    }
}

/// How a child ended.
public enum TerminationStatus: Sendable, Equatable, CustomStringConvertible {
    case exited(Int32)
    case signaled(Int32)

    public var isSuccess: Bool { self == .exited(0) }

    public var description: String {
        switch self {
        case .exited(let code): "exit status \(code)"
        case .signaled(let signal): "killed by signal \(signal)"
        }
    }
}

/// What a command did. A non-zero exit is a result, not an error.
public struct CommandResult: Sendable {
    public let command: Command
    public let status: TerminationStatus
    /// True when the runner ended the child because its deadline passed.
    public let timedOut: Bool
    public let stdout: [UInt8]
    public let stderr: [UInt8]
    /// Wall time from spawn to reap.
    public let milliseconds: Int

    public init(command: Command, status: TerminationStatus, timedOut: Bool,
                stdout: [UInt8], stderr: [UInt8], milliseconds: Int) {
        self.command = command
        self.status = status
        self.timedOut = timedOut
        self.stdout = stdout
        self.stderr = stderr
        self.milliseconds = milliseconds
    }

    public var succeeded: Bool { status.isSuccess && !timedOut }
    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    public var stderrText: String { String(decoding: stderr, as: UTF8.self) }

    /// A one-line summary for logs and exit reasons: status plus the first line of stderr.
    public var summary: String {
        var text = timedOut ? "\(command.executable) timed out after \(milliseconds) ms"
                            : "\(command.executable) ended with \(status)"
        if let line = stderrText.split(separator: "\n").first(where: { !$0.allSatisfy { $0.isWhitespace } }) {
            text += ": " + line.trimmingWhitespace()
        }
        return text
    }
}

/// Why a command could not be run at all.
public enum CommandError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No such executable in `PATH` or the sbin/bin directories (agents map this to OCF 5).
    case notFound(String)
    /// posix_spawn or pipe setup failed.
    case spawnFailed(String, errno: Int32)
    /// Nothing is left of the operation's time budget to start it.
    case budgetExhausted(String)

    public var description: String {
        switch self {
        case .notFound(let name): "command not found: \(name)"
        case .spawnFailed(let name, let errno): "cannot run \(name): \(Errno.describe(errno))"
        case .budgetExhausted(let name): "no time left in the operation's budget to run \(name)"
        }
    }
}
