import Foundation
import Glibc
import Testing
import TandemTestSupport
@testable import TandemCore

/// Against the real crm_attribute and crm_master, writing to a CIB file (CIB_file),
/// which is how Pacemaker's tools work without a running cluster.
@Suite struct PromotionScoreTests {
    struct Scratch {
        let directory: String
        let cib: String
        init() throws {
            directory = try TestCommands.temporaryDirectory("score")
            cib = directory + "/cib.xml"
            try FileManager.default.copyItem(atPath: FixturePaths.shared("crm_mon/cib-2node-ok.xml"), toPath: cib)
        }
        func scoreInCIB(_ name: String) throws -> String? {
            let result = try TestCommands.run("crm_attribute", ["-N", "node1", "-l", "reboot", "-n", name, "-G", "-q"],
                                              environment: ["CIB_file": cib])
            return result.succeeded ? result.stdoutText.trimmingWhitespace() : nil
        }
    }

    func score(_ scratch: Scratch, featureSet: FeatureSet?) -> PromotionScore {
        PromotionScore(instance: "rsc_t", node: "node1", featureSet: featureSet, sbinDirectory: nil,
                       cacheDirectory: scratch.directory,
                       runner: TestCommands.runner(timeoutMilliseconds: 20_000, environment: ["CIB_file": scratch.cib]))
    }

    @Test func crmAttributeSetsCachesAndDeletes() throws {
        let scratch = try Scratch()
        defer { TestCommands.removeDirectory(scratch.directory) }
        let updater = score(scratch, featureSet: FeatureSet(3, 16, 2))
        #expect(updater.command(for: 10).arguments == ["--promotion=rsc_t", "-N", "node1", "-q", "-v", "10"])
        do {
            #expect(updater.update(10) == .sent)
            #expect(try scratch.scoreInCIB("master-rsc_t") == "10")
            #expect(updater.update(10) == .unchanged, "an unchanged score is not sent again")
            #expect(updater.update(10, force: true) == .sent)
            #expect(updater.update(1000) == .sent)
            #expect(try scratch.scoreInCIB("master-rsc_t") == "1000")
            #expect(updater.update(nil) == .sent)
            #expect(try scratch.scoreInCIB("master-rsc_t") == nil)
            #expect(updater.update(nil) == .unchanged)
            #expect(updater.update(nil, force: true) == .sent, "deleting a missing score succeeds")
        }
    }

    /// The attribute can vanish behind the agent's back (an admin's `crm_attribute -D`, an
    /// attrd respawn); a node without it is never promoted at failover. An unchanged score is
    /// sent again once the last send is `reassertSeconds` old (here: the cache made that old).
    @Test func aLostScoreIsRestoredWithinTheReassertInterval() throws {
        let scratch = try Scratch()
        defer { TestCommands.removeDirectory(scratch.directory) }
        let updater = score(scratch, featureSet: FeatureSet(3, 16, 2))
        #expect(updater.update(10000) == .sent)
        _ = try TestCommands.run("crm_attribute", ["-N", "node1", "-l", "reboot", "-n", "master-rsc_t", "-D"],
                                 environment: ["CIB_file": scratch.cib])
        #expect(try scratch.scoreInCIB("master-rsc_t") == nil)
        #expect(updater.update(10000) == .unchanged, "within the interval nothing is run (no exec per monitor)")
        let old = timespec(tv_sec: time(nil) - PromotionScore.reassertSeconds - 1, tv_nsec: 0)
        var times = [old, old]
        #expect(utimensat(AT_FDCWD, updater.cacheFile, &times, 0) == 0)
        #expect(updater.update(10000) == .sent)
        #expect(try scratch.scoreInCIB("master-rsc_t") == "10000")
        #expect(updater.update(10000) == .unchanged, "and then not again for another interval")
    }

    @Test func crmMasterBeforePacemaker21() throws {
        let scratch = try Scratch()
        defer { TestCommands.removeDirectory(scratch.directory) }
        let updater = score(scratch, featureSet: FeatureSet(3, 0, 14))
        let command = updater.command(for: 5)
        #expect(command.executable == "crm_master")
        #expect(command.arguments == ["-Q", "-l", "reboot", "-v", "5"])
        #expect(command.environment["OCF_RESOURCE_INSTANCE"] == "rsc_t")
        do {
            #expect(updater.update(5) == .sent)
            #expect(try scratch.scoreInCIB("master-rsc_t") == "5")
        }
    }

    @Test func sbinDirectoryIsHonoured() throws {
        let updater = PromotionScore(instance: "r", node: nil, featureSet: FeatureSet(3, 16, 0), sbinDirectory: "/opt/pcmk",
                                     cacheDirectory: "/tmp", runner: TestCommands.runner())
        #expect(updater.command(for: nil).executable == "/opt/pcmk/crm_attribute")
        #expect(updater.command(for: nil).arguments == ["--promotion=r", "-q", "-D"])
    }

    /// A hung attribute update (here: the real crm_attribute blocked reading a FIFO as its
    /// CIB) must end within the operation's budget and leave the cache untouched.
    @Test func hungUpdateIsTimeBoxed() throws {
        let scratch = try Scratch()
        defer { TestCommands.removeDirectory(scratch.directory) }
        let fifo = scratch.directory + "/hung-cib"
        #expect(mkfifo(fifo, 0o600) == 0)
        let budget = OperationBudget(timeoutMilliseconds: 2_000)
        let updater = PromotionScore(instance: "rsc_t", node: "node1", featureSet: FeatureSet(3, 16, 2), sbinDirectory: nil,
                                     cacheDirectory: scratch.directory,
                                     runner: CommandRunner(budget: budget, environment: ["CIB_file": fifo]))
        let outcome = updater.update(10)
        guard case .failed(let reason) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        #expect(reason.contains("timed out"))
        #expect(budget.started.milliseconds(until: .now()) < 2_000)
        #expect(updater.lastSent() == nil)
    }
}
