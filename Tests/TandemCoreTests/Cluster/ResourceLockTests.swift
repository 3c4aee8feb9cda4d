import Foundation
import Testing
import TandemTestSupport
@testable import TandemCore

@Suite struct ResourceLockTests {
    @Test func secondHolderWaitsUntilReleaseOrDeadline() throws {
        let directory = try TestCommands.temporaryDirectory("lock")
        defer { TestCommands.removeDirectory(directory) }
        let first = try ResourceLock.acquire("iscsi/target", directory: directory,
                                             until: MonotonicInstant.now().adding(milliseconds: 1_000))
        #expect(first.path == directory + "/tandem-iscsi_target.lock")
        let started = MonotonicInstant.now()
        #expect(throws: OCFFailure.self) {
            try ResourceLock.acquire("iscsi/target", directory: directory,
                                     until: MonotonicInstant.now().adding(milliseconds: 200))
        }
        #expect(started.milliseconds(until: .now()) >= 200)
        first.release()
        let second = try ResourceLock.acquire("iscsi/target", directory: directory,
                                              until: MonotonicInstant.now().adding(milliseconds: 200))
        second.release()
    }

    @Test func lockIsHeldAgainstOtherProcesses() throws {
        let directory = try TestCommands.temporaryDirectory("lock2")
        defer { TestCommands.removeDirectory(directory) }
        let lock = try ResourceLock.acquire("x", directory: directory, until: MonotonicInstant.now().adding(milliseconds: 500))
        // flock(1) from util-linux, in another process, must not get it.
        let other = try TestCommands.run("flock", ["--nonblock", "--conflict-exit-code", "42", lock.path, "true"])
        #expect(other.status == .exited(42))
        lock.release()
        let after = try TestCommands.run("flock", ["--nonblock", lock.path, "true"])
        #expect(after.succeeded)
    }
}
