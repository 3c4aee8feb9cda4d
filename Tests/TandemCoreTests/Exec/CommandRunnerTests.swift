import Foundation
import Glibc
import Testing
import TandemTestSupport
@testable import TandemCore

@Suite struct CommandRunnerTests {
    let runner = TestCommands.runner(timeoutMilliseconds: 30_000)

    @Test func capturesOutputAndExitStatus() throws {
        let result = try runner.run(Command("sh", ["-c", "echo out; echo err >&2; exit 3"]))
        #expect(result.status == .exited(3))
        #expect(!result.succeeded && !result.timedOut)
        #expect(result.stdoutText == "out\n")
        #expect(result.stderrText == "err\n")
        #expect(result.summary == "sh ended with exit status 3: err")
    }

    /// A child that exits without reading its input: the write gets EPIPE, and SIGPIPE (whose
    /// default action would end this process, an agent mid-action) is neither delivered nor
    /// left pending.
    @Test func aChildThatReadsNoInputDoesNotKillUs() throws {
        for _ in 0..<5 {
            let result = try runner.run(Command("true", input: [UInt8](repeating: 0x61, count: 4 << 20)))
            #expect(result.status == .exited(0))
        }
        var pending = sigset_t()
        sigpending(&pending)
        #expect(sigismember(&pending, SIGPIPE) == 0)
        #expect(try runner.run(Command("cat", input: Array("kept\n".utf8))).stdoutText == "kept\n")
    }

    @Test func argumentsAreNeverInterpretedByAShell() throws {
        let hostile = "$(touch /tmp/tandem-pwned); `id`; rm -rf / *"
        let result = try runner.run(Command("printf", ["%s", hostile]))
        #expect(result.succeeded)
        #expect(result.stdoutText == hostile)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/tandem-pwned"))
    }

    @Test func setsLCALLAndExtraEnvironment() throws {
        let result = try runner.run(Command("env", [], environment: ["TANDEM_TEST": "x y"]))
        let lines = Set(result.stdoutText.split(separator: "\n").map(String.init))
        #expect(lines.contains("LC_ALL=C"))
        #expect(lines.contains("TANDEM_TEST=x y"))
    }

    @Test func reportsSignals() throws {
        let result = try runner.run(Command("sh", ["-c", "kill -USR1 $$"]))
        #expect(result.status == .signaled(SIGUSR1))
    }

    @Test func feedsInput() throws {
        let result = try runner.run(Command("cat", [], input: Array("line one\nline two\n".utf8)))
        #expect(result.stdoutText == "line one\nline two\n")
        let empty = try runner.run(Command("cat"))
        #expect(empty.succeeded && empty.stdout.isEmpty, "stdin is /dev/null by default")
    }

    @Test func boundsCapturedOutput() throws {
        let result = try runner.run(Command("head", ["-c", "1000000", "/dev/zero"], outputLimit: 1000))
        #expect(result.succeeded)
        #expect(result.stdout.count == 1000)
    }

    @Test func doesNotLeakDescriptors() throws {
        let fd = open("/dev/null", O_RDONLY)  // deliberately without O_CLOEXEC
        defer { close(fd) }
        let result = try runner.run(Command("ls", ["/proc/self/fd"]))
        let open = result.stdoutText.split(separator: "\n").compactMap { Int($0) }
        // 0, 1, 2 and the descriptor ls itself opens to read the directory.
        #expect(!open.contains(Int(fd)))
        #expect(open.filter { $0 > 2 }.count <= 1)
    }

    @Test func unknownCommandIsNotFound() {
        #expect(throws: CommandError.notFound("tandem-no-such-tool")) {
            try runner.run(Command("tandem-no-such-tool"))
        }
        #expect(throws: CommandError.notFound("/nonexistent/tool")) {
            try runner.run(Command("/nonexistent/tool"))
        }
    }

    @Test func deadlineTerminatesTheWholeProcessGroup() throws {
        let marker = "\(Int.random(in: 100_000..<1_000_000))"
        let started = MonotonicInstant.now()
        // A child that leaves a grandchild behind: both must go. The odd durations find them again.
        let result = try runner.run(Command("sh", ["-c", "sleep 3001.\(marker) & sleep 3002.\(marker); true"]),
                                    capMilliseconds: 400)
        let elapsed = started.milliseconds(until: .now())
        #expect(result.timedOut)
        #expect(result.status == .signaled(SIGTERM))
        #expect(elapsed < 5_000)
        usleep(200_000)
        let survivors = try runner.run(Command("pgrep", ["-f", marker]))
        #expect(survivors.status == .exited(1), "no process of the group survives: \(survivors.stdoutText)")
    }

    @Test func sigtermIgnoredMeansSigkill() throws {
        let result = try runner.run(Command("sh", ["-c", "trap '' TERM; while :; do sleep 0.05; done"]),
                                    capMilliseconds: 600)
        #expect(result.timedOut)
        #expect(result.status == .signaled(SIGKILL))
    }

    @Test func daemonizedGrandchildDoesNotHoldTheRunner() throws {
        let started = MonotonicInstant.now()
        // The grandchild keeps stdout open; the runner must return when the child exits.
        let result = try runner.run(Command("sh", ["-c", "sleep 3 & echo started"]))
        #expect(result.succeeded)
        #expect(result.stdoutText == "started\n")
        #expect(started.milliseconds(until: .now()) < 2_000)
    }

    @Test func budgetBoundsEveryCommand() throws {
        // Pacemaker's timeout for the whole operation is 1 s; a command cannot outlive it.
        let budget = OperationBudget(timeoutMilliseconds: 1_000)
        let tight = CommandRunner(budget: budget)
        let result = try tight.run(Command("sleep", ["10"]))
        #expect(result.timedOut)
        #expect(budget.started.milliseconds(until: .now()) <= 1_000)
    }

    @Test func exhaustedBudgetRunsNothing() {
        let spent = OperationBudget(timeoutMilliseconds: 1_000,
                                    started: MonotonicInstant.now().adding(milliseconds: -5_000))
        #expect(throws: CommandError.budgetExhausted("true")) {
            try CommandRunner(budget: spent).run(Command("true"))
        }
    }

    @Test func describesCommandsForLogsWithQuoting() {
        #expect(Command("crm_attribute", ["-v", "10"]).description == "crm_attribute -v 10")
        #expect(Command("echo", ["a b", "it's", ""]).description == "echo 'a b' 'it'\\''s' ''")
    }
}
