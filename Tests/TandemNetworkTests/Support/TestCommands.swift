import Foundation
import TandemCore
import TandemNetwork

/// Runs real tools (ip, nsenter, ocf-tester, xmllint, the built agent) from tests, through
/// the project's own command runner. (TandemCoreTests has the same helper; test targets
/// cannot share code.)
enum TestCommands {
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                    input: String? = nil, timeoutMilliseconds: Int = 60_000) throws -> CommandResult {
        let runner = CommandRunner(budget: OperationBudget(timeoutMilliseconds: timeoutMilliseconds, reserveMilliseconds: 0))
        return try runner.run(Command(executable, arguments, environment: environment, input: input.map { Array($0.utf8) }))
    }

    /// Runs a command that must succeed; throws with its stderr otherwise.
    @discardableResult
    static func check(_ executable: String, _ arguments: [String]) throws -> String {
        let result = try run(executable, arguments)
        guard result.succeeded else {
            throw LabError("\(executable) \(arguments.joined(separator: " ")): \(result.status): \(result.stderrText)")
        }
        return result.stdoutText
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Where the built executables are: `TANDEM_BIN_DIR`, else `.build/debug`.
    static var binDirectory: String {
        ProcessInfo.processInfo.environment["TANDEM_BIN_DIR"] ?? repositoryRoot.appendingPathComponent(".build/debug").path
    }

    static func binary(_ name: String) -> String { binDirectory + "/" + name }
}

/// A failure of the test set-up itself.
struct LabError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A parsed address for tests; throws on a typo in the test itself.
func addr(_ text: String) throws -> IPAddress {
    guard let address = IPAddress(text) else { throw LabError("test address \(text) does not parse") }
    return address
}
