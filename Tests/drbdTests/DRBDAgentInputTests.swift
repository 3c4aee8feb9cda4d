import Foundation
import Glibc
import Testing
import TandemCore
import TandemTestSupport
@testable import drbd

/// The built agent against the real drbdadm (drbd-utils reads configurations without a
/// kernel module), on a host without DRBD: bad input gets the right code and a reason,
/// and nothing changes.
@Suite struct DRBDAgentInputTests {
    final class Scratch {
        let directory: String
        let configuration: String
        init(allowTwoPrimaries: Bool = false) throws {
            directory = try TestCommands.temporaryDirectory("drbd")
            configuration = directory + "/drbd.conf"
            let host = ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "localhost"
            let net = allowTwoPrimaries ? "protocol C; allow-two-primaries yes;" : "protocol C;"
            let text = """
                global { usage-count no; }
                resource r0 {
                    net { \(net) }
                    on \(host) { device /dev/drbd0 minor 0; disk /dev/vdb; meta-disk internal; address ipv4 192.0.2.1:7789; }
                    on tandem-peer { device /dev/drbd0 minor 0; disk /dev/vdb; meta-disk internal; address ipv4 192.0.2.2:7789; }
                }
                """
            try text.write(toFile: configuration, atomically: true, encoding: .utf8)
        }
        deinit { TestCommands.removeDirectory(directory) }

        func agent(_ parameters: [String: String] = [:], meta: [String: String] = [:]) -> AgentInvocation {
            var invocation = AgentInvocation("drbd")
            invocation.instance = "p_drbd:0"
            invocation.parameters = ["drbd_resource": "r0", "drbdconf": configuration].merging(parameters) { $1 }
            invocation.meta = meta
            invocation.extra["HA_RSCTMP"] = directory
            return invocation
        }
    }

    static let clone = ["clone_max": "2", "clone_node_max": "1", "promoted_max": "1", "promoted_node_max": "1",
                        "notify": "true", "promotable": "true"]

    @Test func metadataIsValidAndTheDeclarationSound() throws {
        #expect(DRBDAgentDeclaration.agent.declarationProblems(
            handled: [.start, .stop, .monitor, .promote, .demote, .notify, .reload]).isEmpty)
        let outcome = try AgentInvocation("drbd").run("meta-data")
        #expect(outcome.code == 0)
        #expect(try MetadataSchemas.problems(in: outcome.stdout) == [])
        #expect(outcome.stdout.contains("<action name=\"monitor\" timeout=\"20s\" interval=\"10s\" role=\"Promoted\"/>"))
    }

    @Test(arguments: [
        (["drbd_resource": "r0;reboot"], "drbd_resource=\"r0;reboot\": may only contain letters, digits and -%+./:=@_"),
        (["drbd_resource": "r 0"], "drbd_resource=\"r 0\": may only contain letters, digits and -%+./:=@_"),
        (["drbdconf": "drbd.conf"], "drbdconf=\"drbd.conf\": must be an absolute path"),
        (["drbdconf": "/etc/$(id).conf"], "drbdconf=\"/etc/$(id).conf\": may only contain letters, digits and -%+./:=@_"),
        (["adjust_master_score": "0 10 1000"], "adjust_master_score=\"0 10 1000\": must be four non-decreasing integers, e.g. \"0 10 1000 10000\""),
        (["adjust_master_score": "10000 1000 10 0"], "adjust_master_score=\"10000 1000 10 0\": must be four non-decreasing integers, e.g. \"0 10 1000 10000\""),
        (["wfc_timeout": "-1"], "wfc_timeout=\"-1\": must be between 0 and 3600"),
        (["remove_master_score_if_peer_primary": "maybe"], "remove_master_score_if_peer_primary=\"maybe\" is not one of: false, true, unexpected"),
        (["require_drbd_module_version_ge": "eight"], "require_drbd_module_version_ge=\"eight\": must be a version like 8.4.0"),
        (["stop_outdates_secondary": "yess"], "stop_outdates_secondary=\"yess\" is not a boolean (true or false)"),
    ])
    func inherentlyInvalidParameters(parameters: [String: String], reason: String) throws {
        let scratch = try Scratch()
        let outcome = try scratch.agent(parameters, meta: Self.clone).run("validate-all")
        #expect(outcome.code == 6)
        #expect(outcome.exitReason() == reason)
        #expect(try scratch.agent(parameters, meta: Self.clone).run("start").code == 6)
        #expect(try scratch.agent(parameters).run("monitor").code == 7, "a probe never returns 6")
        #expect(try scratch.agent(parameters).run("stop").code == 0)
    }

    @Test(arguments: [
        (["notify": "false"], "the clone needs meta notify=true (or ignore_missing_notifications=true)"),
        (["clone_node_max": "2"], "clone-node-max must be 1, not 2"),
        (["promoted_node_max": "2"], "promoted-node-max must be 1, not 2"),
        (["promoted_max": "3"], "promoted-max must be 1 or 2 (dual-primary), not 3"),
        (["promoted_max": "2"], "promoted-max=2 (dual-primary) needs allow-two-primaries in the net section of DRBD resource r0"),
    ])
    func cloneSettingsThatCannotWork(meta: [String: String], reason: String) throws {
        let scratch = try Scratch()
        let outcome = try scratch.agent(meta: Self.clone.merging(meta) { $1 }).run("validate-all")
        #expect(outcome.code == 6)
        #expect(outcome.exitReason() == reason)
    }

    @Test func missingNotificationsCanBeAccepted() throws {
        let scratch = try Scratch()
        let meta = Self.clone.merging(["notify": "false"]) { $1 }
        let outcome = try scratch.agent(["ignore_missing_notifications": "true"], meta: meta).run("validate-all")
        #expect(outcome.code != 6, "\(outcome.stderr)")
    }

    @Test func dualPrimaryWithAllowTwoPrimariesPassesTheConfigurationCheck() throws {
        let scratch = try Scratch(allowTwoPrimaries: true)
        let outcome = try scratch.agent(meta: Self.clone.merging(["promoted_max": "2"]) { $1 }).run("validate-all")
        // On this host the next check, the kernel module, is what fails.
        #expect(outcome.code == 5)
        #expect(outcome.exitReason() == "the DRBD kernel module is neither loaded nor installed")
    }

    @Test func undefinedResourceIsNotInstalledAndAProbeSaysNotRunning() throws {
        let scratch = try Scratch()
        let outcome = try scratch.agent(["drbd_resource": "r9"], meta: Self.clone).run("validate-all")
        #expect(outcome.code == 5)
        #expect(outcome.exitReason()?.hasPrefix("DRBD resource r9 is not defined in \(scratch.configuration) for this host") == true)
        #expect(try scratch.agent(["drbd_resource": "r9"]).run("monitor").code == 7)
        #expect(try scratch.agent(["drbd_resource": "r9"]).run("stop").code == 0, "stop: already gone is success")
    }

    @Test func unreadableConfigurationIsNotInstalled() throws {
        let scratch = try Scratch()
        let outcome = try scratch.agent(["drbdconf": scratch.directory + "/missing.conf"], meta: Self.clone).run("validate-all")
        #expect(outcome.code == 5)
        #expect(outcome.exitReason()?.hasPrefix("cannot read the DRBD configuration \(scratch.directory)/missing.conf") == true)
    }

    @Test func withoutTheModuleNothingRunsAndNothingChanges() throws {
        let scratch = try Scratch()
        #expect(try scratch.agent(meta: Self.clone).run("monitor").code == 7)
        var recurring = scratch.agent(meta: Self.clone.merging(["interval": "20000"]) { $1 })
        recurring.extra["OCF_RESKEY_crm_feature_set"] = "3.16.2"
        #expect(try recurring.run("monitor").code == 7)
        #expect(try scratch.agent(meta: Self.clone).run("stop").code == 0)
        let promote = try scratch.agent(meta: Self.clone).run("promote")
        #expect(promote.code == 5, "\(promote.stderr)")
        let start = try scratch.agent(meta: Self.clone).run("start")
        #expect(start.code == 5, "modprobe is missing or the module cannot load: \(start.stderr)")
        #expect(access("/proc/drbd", F_OK) != 0)
    }
}
