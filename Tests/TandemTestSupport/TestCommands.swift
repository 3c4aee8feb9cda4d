import Foundation
import TandemCore

/// Runs real tools (ip, nsenter, xmllint, crm_attribute, the built agents) from tests,
/// through the project's own command runner.
public enum TestCommands {
    /// A runner with a generous budget for test tooling.
    public static func runner(timeoutMilliseconds: Int = 60_000, environment: [String: String] = [:]) -> CommandRunner {
        CommandRunner(budget: OperationBudget(timeoutMilliseconds: timeoutMilliseconds, reserveMilliseconds: 0),
                      environment: environment)
    }

    public static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                    input: String? = nil, timeoutMilliseconds: Int = 60_000) throws -> CommandResult {
        try runner(timeoutMilliseconds: timeoutMilliseconds)
            .run(Command(executable, arguments, environment: environment, input: input.map { Array($0.utf8) }))
    }

    /// Runs a command that must succeed; throws with its stderr otherwise.
    @discardableResult
    public static func check(_ executable: String, _ arguments: [String]) throws -> String {
        let result = try run(executable, arguments)
        guard result.succeeded else {
            throw LabError("\(executable) \(arguments.joined(separator: " ")): \(result.status): \(result.stderrText)")
        }
        return result.stdoutText
    }

    /// Where the built executables are: `TANDEM_BIN_DIR` (the Makefile points it at the
    /// release build, so the tested binaries are the installed ones), else `.build/debug`.
    public static var binDirectory: String {
        ProcessInfo.processInfo.environment["TANDEM_BIN_DIR"]
            ?? FixturePaths.repositoryRoot.appendingPathComponent(".build/debug").path
    }

    public static func binary(_ name: String) -> String { binDirectory + "/" + name }

    /// A fresh directory under /tmp, removed by the caller with `removeDirectory`.
    public static func temporaryDirectory(_ label: String) throws -> String {
        let path = NSTemporaryDirectory() + "tandem-\(label)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    public static func removeDirectory(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}
