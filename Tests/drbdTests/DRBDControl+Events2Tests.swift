import Testing
import TandemCore
import TandemTestSupport
@testable import drbd

/// Which events2 failures send the state read to /proc/drbd.
@Suite struct DRBDControlEvents2Tests {
    static let drbd84 = DottedVersion(components: [8, 4, 11])
    static let drbd9 = DottedVersion(components: [9, 2, 4])

    static func result(_ status: TerminationStatus, stdout: String = "", stderr: String = "",
                       timedOut: Bool = false) -> CommandResult {
        CommandResult(command: Command("/usr/lib/drbd/drbdsetup-84", ["events2", "--now", "r0"]), status: status,
                      timedOut: timedOut, stdout: Array(stdout.utf8), stderr: Array(stderr.utf8), milliseconds: 3)
    }

    @Test(arguments: ["connected", "resync", "disconnected", "outdated-peer", "split-brain", "diskless"])
    func capturedEvents2IsState(scenario: String) throws {
        let text = try FixturePaths.read(FixturePaths.project("drbd-lab/\(scenario)/s1.events2.txt"))
        #expect(DRBDControl.answer(to: Self.result(.exited(0), stdout: text), moduleVersion: Self.drbd84) == .state(text))
    }

    /// drbdsetup on DRBD 8.4 rejecting what it does not support (captured: `status --json`),
    /// with drbdsetup's exit code for usage errors.
    @Test func unsupportedOnDRBD8FallsBackButNotOnDRBD9() throws {
        let usage = try FixturePaths.read(FixturePaths.shared("drbd/drbdsetup-status-json-error.txt"))
        let rejected = Self.result(.exited(20), stderr: usage)
        #expect(DRBDControl.answer(to: rejected, moduleVersion: Self.drbd84) == .unsupported)
        #expect(DRBDControl.answer(to: rejected, moduleVersion: Self.drbd9) == .failed, "DRBD 9's /proc/drbd has no minors")
        #expect(DRBDControl.answer(to: rejected, moduleVersion: nil) == .failed)
    }

    /// drbd-utils' drbdsetup-83, a real drbdsetup without events2, run here.
    @Test func drbdsetupWithoutEvents2IsUnsupported() throws {
        let run = try TestCommands.run("/usr/lib/drbd/drbdsetup-83", ["events2", "--now", "r0"])
        #expect(!run.succeeded && !run.stdoutText.contains("exists -"))
        #expect(DRBDControl.answer(to: run, moduleVersion: Self.drbd84) == .unsupported)
    }

    @Test func timeoutsAndEmptySuccessesAreFailures() {
        #expect(DRBDControl.answer(to: Self.result(.signaled(15), timedOut: true), moduleVersion: Self.drbd84) == .failed)
        #expect(DRBDControl.answer(to: Self.result(.exited(0)), moduleVersion: Self.drbd84) == .failed)
    }
}
