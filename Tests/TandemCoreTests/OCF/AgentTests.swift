import Foundation
import Testing
import TandemTestSupport
@testable import TandemCore

/// The runtime end to end: the built sample agent run as Pacemaker runs it.
@Suite struct AgentTests {
    final class Scratch {
        let directory: String
        init() throws { directory = try TestCommands.temporaryDirectory("agent") }
        deinit { TestCommands.removeDirectory(directory) }

        func sample() -> AgentInvocation {
            var invocation = AgentInvocation("ocf-sample")
            invocation.extra["HA_RSCTMP"] = directory
            return invocation
        }
    }

    @Test func unknownActionIsUnimplementedWithUsage() throws {
        let outcome = try AgentInvocation("ocf-sample").run("reboot-the-world")
        #expect(outcome.code == 3)
        #expect(outcome.stderr.hasPrefix("usage: ocf-sample {start|stop|monitor|promote|demote|notify|meta-data|validate-all|usage}"))
        let declaredButNotHandled = try AgentInvocation("ocf-sample").run("reload")
        #expect(declaredButNotHandled.code == 3)
    }

    @Test func usageAndMissingAction() throws {
        let usage = try AgentInvocation("ocf-sample").run("usage")
        #expect(usage.code == 0 && usage.stdout.contains("mode (string, default \"normal\")"))
        let result = try TestCommands.run(TestCommands.binary("ocf-sample"), [])
        #expect(result.status == .exited(2))
    }

    @Test func lifecycleOfAPrimitive() throws {
        let scratch = try Scratch()
        let agent = scratch.sample()
        #expect(try agent.run("monitor").code == 7)
        #expect(try agent.run("start").code == 0)
        #expect(try agent.run("start").code == 0, "start is idempotent")
        #expect(try agent.run("monitor").code == 0)
        #expect(try agent.run("promote").code == 0)
        #expect(try agent.run("monitor").code == 8)
        #expect(try agent.run("demote").code == 0)
        #expect(try agent.run("monitor").code == 0)
        #expect(try agent.run("stop").code == 0)
        #expect(try agent.run("stop").code == 0, "stop is idempotent")
        #expect(try agent.run("monitor").code == 7)
        // The state lives under HA_RSCTMP, named after the resource without clone suffix.
        var clone = agent
        clone.instance = "test-rsc:1"
        #expect(try clone.run("start").code == 0)
        #expect(FileManager.default.fileExists(atPath: scratch.directory + "/tandem-ocf-sample-test-rsc.state"))
        #expect(try clone.run("stop").code == 0)
    }

    @Test func exitReasonUsesThePrefixAndTheRightCode() throws {
        let scratch = try Scratch()
        var agent = scratch.sample()
        agent.parameters["mode"] = "fail-start"
        let failed = try agent.run("start")
        #expect(failed.code == 1)
        #expect(failed.exitReason() == "start failed on purpose (mode=fail-start)")
        agent.extra["OCF_EXIT_REASON_PREFIX"] = "why:"
        #expect(try agent.run("start").exitReason(prefix: "why:") == "start failed on purpose (mode=fail-start)")
        let notStarted = try scratch.sample().run("promote")
        // As drbd: a promote that finds nothing started fails (Pacemaker recovers with a start).
        #expect(notStarted.code == 1)
        #expect(notStarted.exitReason()?.hasPrefix("cannot promote ") == true)
        #expect(notStarted.exitReason()?.hasSuffix(": it is not started") == true)
    }

    @Test func invalidParametersPerAction() throws {
        let scratch = try Scratch()
        var agent = scratch.sample()
        agent.parameters["unpromoted_score"] = "lots"
        let validate = try agent.run("validate-all")
        #expect(validate.code == 6)
        #expect(validate.exitReason() == "unpromoted_score=\"lots\" is not an integer")
        #expect(try agent.run("start").code == 6)
        // A parameter that does not say which resource this is must not hide what runs: a
        // probe, a recurring monitor and stop see the real state with its default.
        #expect(try agent.run("monitor").code == 7, "a probe never returns 6")
        agent.meta["interval"] = "10000"
        let recurring = try agent.run("monitor")
        #expect(recurring.code == 7, "a recurring monitor never returns 6, and reports the real state")
        #expect(try agent.run("stop").code == 0, "stop never fails")
        // On a running resource the same bad value leaves the probe's truth and stop's cleanup intact.
        agent.parameters["unpromoted_score"] = nil
        agent.meta["interval"] = nil
        #expect(try agent.run("start").code == 0)
        agent.parameters["unpromoted_score"] = "lots"
        #expect(try agent.run("monitor").code == 0, "a probe of a running resource says running")
        // A failover's promote (or a demote) of a running resource is not refused for it either.
        #expect(try agent.run("promote").code == 0)
        #expect(try agent.run("demote").code == 0)
        #expect(try agent.run("stop").code == 0)
        agent.parameters["unpromoted_score"] = nil
        #expect(try agent.run("monitor").code == 7, "stop really stopped it")
        agent.parameters["unpromoted_score"] = nil
        agent.parameters["state"] = "relative/path;$(id)"
        let relative = try agent.run("validate-all")
        #expect(relative.code == 6 && relative.exitReason() == "state=\"relative/path;$(id)\": must be an absolute path")
        #expect(!FileManager.default.fileExists(atPath: "relative"), "invalid input changes nothing")
    }

    @Test func promotionScoresFollowTheRole() throws {
        let scratch = try Scratch()
        let cib = scratch.directory + "/cib.xml"
        try FileManager.default.copyItem(atPath: FixturePaths.shared("crm_mon/cib-2node-ok.xml"), toPath: cib)
        var agent = scratch.sample()
        agent.instance = "sample:0"
        agent.meta = ["promotable": "true", "clone_max": "2", "promoted_max": "1", "on_node": "node1", "timeout": "20000"]
        agent.extra["CIB_file"] = cib
        agent.extra["OCF_RESKEY_crm_feature_set"] = "3.16.2"
        func score() throws -> String? {
            let result = try TestCommands.run("crm_attribute", ["-N", "node1", "-l", "reboot", "-n", "master-sample:0", "-G", "-q"],
                                              environment: ["CIB_file": cib])
            return result.succeeded ? result.stdoutText.trimmingWhitespace() : nil
        }
        #expect(try agent.run("start").code == 0)
        #expect(try score() == "5")
        #expect(try agent.run("promote").code == 0)
        #expect(try score() == "10")
        #expect(try agent.run("stop").code == 0)
        #expect(try score() == nil)
    }

    @Test func notifyReadsBothVocabularies() throws {
        let scratch = try Scratch()
        var agent = scratch.sample()
        let log = scratch.directory + "/agent.log"
        agent.extra["HA_LOGFILE"] = log
        agent.meta = ["notify_type": "post", "notify_operation": "promote",
                      "notify_promote_resource": "s:1", "notify_promote_uname": "node2"]
        #expect(try agent.run("notify").code == 0)
        #expect(try FixturePaths.read(log).contains("INFO: notify post-promote: s:1@node2"))
    }

    @Test func ocfTesterPasses() throws {
        let scratch = try Scratch()
        // ocf-tester runs meta-data as nobody: the binary and its directories must be readable.
        let result = try TestCommands.run("ocf-tester", ["-n", "sample", "-o", "state=\(scratch.directory)/ocf-tester.state",
                                                         TestCommands.binary("ocf-sample")],
                                          environment: ["HA_RSCTMP": scratch.directory], timeoutMilliseconds: 120_000)
        #expect(result.succeeded, "ocf-tester: \(result.stdoutText) \(result.stderrText)")
        #expect(result.stdoutText.contains("passed all tests"))
    }
}
