import CTandem
import Glibc

/// Runs commands within an operation's time budget.
///
/// Each child stays in the agent's process group (Pacemaker's SIGKILL of that group on a
/// timeout ends it with the agent), gets `LC_ALL=C`, stdin from /dev/null (or the given
/// input) and no inherited descriptors but 0–2. When its deadline passes it and everything
/// below it get SIGTERM, then SIGKILL after `killGraceMilliseconds` (`ProcessTree`).
public struct CommandRunner: Sendable {
    public let budget: OperationBudget
    /// Time between SIGTERM and SIGKILL on expiry; taken from the command's own deadline.
    public let killGraceMilliseconds: Int
    /// Directories searched after `PATH` for bare names, as ocf-shellfuncs appends them.
    public let fallbackSearchPath: [String]
    /// Variables every command gets on top of the inherited environment (each command's
    /// own `environment` wins).
    public let environment: [String: String]
    /// Makes the process a child subreaper and, after a timeout, ends what the killed tree
    /// left behind re-parented to it (`ProcessTree`). Only for a process that runs one command
    /// at a time, as an agent does: any other new child of the process would count as left behind.
    public let endsOrphans: Bool

    public init(budget: OperationBudget, killGraceMilliseconds: Int = 500, environment: [String: String] = [:],
                fallbackSearchPath: [String] = ["/usr/sbin", "/usr/bin", "/sbin", "/bin"], endsOrphans: Bool = false) {
        self.budget = budget
        self.endsOrphans = endsOrphans
        self.environment = environment
        self.killGraceMilliseconds = killGraceMilliseconds
        self.fallbackSearchPath = fallbackSearchPath
    }

    /// Runs `command` to completion or until its deadline.
    ///
    /// - Parameters:
    ///   - command: what to run.
    ///   - capMilliseconds: a limit of its own for this command; the budget's deadline applies anyway.
    /// - Returns: the exit status and captured output; a non-zero exit is not an error.
    /// - Throws: `CommandError` when it cannot be started at all.
    public func run(_ command: Command, capMilliseconds: Int? = nil) throws(CommandError) -> CommandResult {
        let start = MonotonicInstant.now()
        let deadline = budget.deadline(cappedAt: capMilliseconds, now: start)
        // Keep room for the TERM→KILL sequence inside the deadline.
        let grace = min(killGraceMilliseconds, max(0, start.milliseconds(until: deadline) / 4))
        let termAt = deadline.adding(milliseconds: -grace)
        guard start < termAt else { throw .budgetExhausted(command.executable) }
        guard let path = resolve(command.executable) else { throw .notFound(command.executable) }
        var effective = command
        effective.environment = environment.merging(command.environment) { $1 }
        let knownChildren: Set<pid_t>? = endsOrphans ? Set(ProcessTree.children(of: getpid())) : nil
        if endsOrphans { ProcessTree.adoptOrphans() }
        var child = try ChildProcess.spawn(path: path, command: effective)
        return child.collect(command: command, start: start, termAt: termAt, killAt: deadline,
                             knownChildren: knownChildren)
    }

    /// The absolute path of `name`, or nil when no executable file of that name exists.
    public func resolve(_ name: String) -> String? {
        if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
        let searchPath = (getenv("PATH").map { String(cString: $0) } ?? "")
            .split(separator: ":").map(String.init) + fallbackSearchPath
        for directory in searchPath where !directory.isEmpty {
            let candidate = directory + "/" + name
            var info = stat()
            if stat(candidate, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, access(candidate, X_OK) == 0 {
                return candidate
            }
        }
        return nil
    }
}
