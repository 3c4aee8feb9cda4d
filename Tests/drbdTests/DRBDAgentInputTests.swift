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
            handled: [.start, .stop, .monitor, .promote, .demote, .notify, .reload, .reloadAgent]).isEmpty)
        let outcome = try AgentInvocation("drbd").run("meta-data")
        #expect(outcome.code == 0)
        #expect(try MetadataSchemas.problems(in: outcome.stdout) == [])
        #expect(outcome.stdout.contains("<action name=\"monitor\" timeout=\"20s\" interval=\"10s\" role=\"Promoted\"/>"))
    }

    /// Pacemaker ≥ 2.1 calls reload-agent (never the legacy reload) for an OCF 1.1 agent, and
    /// only when every changed parameter is reloadable; anything else restarts DRBD and the
    /// whole stack above it. Only the two that say which resource this is restart it.
    @Test func everyParameterButTheResourceIdentityIsReloadable() throws {
        let outcome = try AgentInvocation("drbd").run("meta-data")
        #expect(outcome.stdout.contains("<action name=\"reload-agent\" timeout=\"30s\"/>"))
        let reloadable = DRBDAgentDeclaration.agent.parameters.filter(\.reloadable).map(\.name)
        let restarting = DRBDAgentDeclaration.agent.parameters.filter { !$0.reloadable }.map(\.name)
        #expect(restarting == ["drbd_resource", "drbdconf"])
        for name in reloadable {
            #expect(outcome.stdout.contains("<parameter name=\"\(name)\" unique=\"0\" required=\"0\" reloadable=\"1\">"))
        }
        // The two older validators complain about exactly these names, nothing else.
        let dtd = try TestCommands.run("xmllint", ["--noout", "--path", "/usr/share/resource-agents", "--valid", "-"],
                                       input: outcome.stdout)
        let complaints = dtd.stderrText.split(separator: "\n").filter { $0.contains("validity error") }
        #expect(!complaints.isEmpty && complaints.allSatisfy { MetadataSchemas.isOCF11OnlyComplaint(String($0)) })
    }

    /// Values ocf:linbit:drbd reads with a default (a bad score table, a wfc_timeout that is
    /// not a number, an unknown peer-primary policy, a boolean typo read as false) must not
    /// turn a one-word migration into a fatal 6: the configuration check passes (on this host
    /// the kernel module check after it is what fails) and the warning says what was read.
    @Test(arguments: [
        ["adjust_master_score": "0 10 1000"], ["adjust_master_score": "10000 1000 10 0"], ["wfc_timeout": "-1"],
        ["wfc_timeout": "soon"], ["remove_master_score_if_peer_primary": "maybe"], ["stop_outdates_secondary": "yess"],
    ])
    func valuesLinbitReadsWithADefaultAreWarnedAbout(parameters: [String: String]) throws {
        let scratch = try Scratch()
        var agent = scratch.agent(parameters, meta: Self.clone)
        agent.extra["HA_LOGFILE"] = scratch.directory + "/agent.log"
        let outcome = try agent.run("validate-all")
        #expect(outcome.code == 5, "\(outcome.stderr)")
        #expect(outcome.exitReason() == "the DRBD kernel module is neither loaded nor installed")
        let log = try String(contentsOfFile: scratch.directory + "/agent.log", encoding: .utf8)
        let name = try #require(parameters.keys.first)
        #expect(log.contains("WARNING: \(name)=") && log.contains("read as"), "\(log)")
    }

    @Test(arguments: [
        (["drbd_resource": "r0;reboot"], "drbd_resource=\"r0;reboot\": may only contain letters, digits and -%+./:=@_"),
        (["drbd_resource": "r 0"], "drbd_resource=\"r 0\": may only contain letters, digits and -%+./:=@_"),
        (["drbdconf": "drbd.conf"], "drbdconf=\"drbd.conf\": must be an absolute path"),
        (["drbdconf": "/etc/$(id).conf"], "drbdconf=\"/etc/$(id).conf\": may only contain letters, digits and -%+./:=@_"),
        (["require_drbd_module_version_ge": "eight"], "require_drbd_module_version_ge=\"eight\" is not a version like 8.4.0"),
        (["require_drbd_module_version_lt": "ten"], "require_drbd_module_version_lt=\"ten\" is not a version like 8.4.0"),
        (["require_drbd_module_version_lt": "9.0-rc1"], "require_drbd_module_version_lt=\"9.0-rc1\" is not a version like 8.4.0"),
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

/// What a hung or slow drbdadm, and Pacemaker's SIGKILL of the agent's process group, do to
/// the agent, with the real drbdadm blocked reading a FIFO as its configuration.
@Suite struct DRBDAgentTimeoutTests {
    final class Blocked {
        let directory: String
        let fifo: String
        init() throws {
            directory = try TestCommands.temporaryDirectory("drbd-fifo")
            fifo = directory + "/drbd.conf"
            #expect(mkfifo(fifo, 0o600) == 0)
        }
        deinit { TestCommands.removeDirectory(directory) }

        func agent(timeoutMilliseconds: Int) -> AgentInvocation {
            var invocation = AgentInvocation("drbd")
            invocation.instance = "p_drbd:0"
            invocation.parameters = ["drbd_resource": "r0", "drbdconf": fifo]
            invocation.meta = ["timeout": String(timeoutMilliseconds)]
            invocation.extra["HA_RSCTMP"] = directory
            return invocation
        }
    }

    /// A slow `drbdadm dump` is a timeout (1, retried), never "not defined" (5): on promote
    /// that would ban the only survivor. Its budget is what is left of the operation's timeout.
    @Test func aSlowDumpIsAGenericFailureNotNotInstalled() throws {
        let blocked = try Blocked()
        let started = MonotonicInstant.now()
        let outcome = try blocked.agent(timeoutMilliseconds: 3_000).run("validate-all")
        #expect(outcome.code == 1, "\(outcome.stderr)")
        #expect(outcome.exitReason()?.hasPrefix("cannot read the DRBD configuration of r0: drbdadm timed out") == true)
        #expect(started.milliseconds(until: .now()) < 3_000, "within the operation's timeout")
    }

    /// Pacemaker SIGKILLs the agent's process group on a timeout: the drbdadm it runs must die
    /// with it, or it finishes (a `drbdadm primary`, say) after Pacemaker recorded the failure.
    @Test func childrenDieWithTheAgentsProcessGroup() throws {
        let blocked = try Blocked()
        var invocation = blocked.agent(timeoutMilliseconds: 60_000)
        invocation.extra["OCF_RESKEY_CRM_meta_timeout"] = "60000"
        // As pacemaker-execd runs an agent: a process group of its own (setsid makes it leader).
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        process.arguments = ["-w", TestCommands.binary("drbd"), "validate-all"]
        var environment = ["OCF_ROOT": "/usr/lib/ocf", "OCF_RESOURCE_INSTANCE": invocation.instance, "HA_LOGFACILITY": "none"]
        for (key, value) in invocation.parameters { environment["OCF_RESKEY_" + key] = value }
        for (key, value) in invocation.extra { environment[key] = value }
        process.environment = environment
        try process.run()
        var drbdadm: pid_t?
        for _ in 0..<200 where drbdadm == nil {
            usleep(25_000)
            drbdadm = ProcessListing.find { $0.contains("drbdadm") && $0.contains(blocked.fifo) }
        }
        let child = try #require(drbdadm, "the agent runs drbdadm dump, blocked on the FIFO")
        let agent = try #require(ProcessListing.parent(of: child))
        defer { kill(-agent, SIGKILL) }
        #expect(getpgid(agent) == agent, "the agent leads its process group, as under pacemaker-execd")
        #expect(kill(-agent, SIGKILL) == 0)
        process.waitUntilExit()
        var gone = false
        for _ in 0..<100 where !gone {
            usleep(20_000)
            gone = !ProcessListing.isAlive(child)
        }
        #expect(gone, "drbdadm \(child) outlived the agent's process group")
        if !gone { kill(child, SIGKILL) }
    }

    /// With stop_outdates_secondary, stop outdates after DRBD is down; when that step cannot
    /// run any more (no time left), DRBD is down all the same: stop succeeded. A failed stop
    /// gets the node fenced.
    @Test func stopSucceedsWhenTheOutdateStepCannotRun() throws {
        let blocked = try Blocked()
        // No time at all: the runner refuses to start drbdadm outdate (it throws).
        var invocation = blocked.agent(timeoutMilliseconds: 0)
        invocation.parameters["drbdconf"] = "/etc/drbd.conf"
        invocation.parameters["stop_outdates_secondary"] = "true"
        try "s2\n".write(toFile: blocked.directory + "/tandem-drbd-p_drbd.peers", atomically: true, encoding: .utf8)
        invocation.extra["HA_LOGFILE"] = blocked.directory + "/agent.log"
        let outcome = try invocation.run("stop")
        #expect(outcome.code == 0, "\(outcome.stderr)")
        let log = try String(contentsOfFile: blocked.directory + "/agent.log", encoding: .utf8)
        #expect(log.contains("could not outdate the local data on stop"), "\(log)")
    }
}

/// Processes as /proc shows them, for the kill tests.
enum ProcessListing {
    /// The first process whose command line (words joined by spaces) satisfies `matches`.
    static func find(_ matches: (String) -> Bool) -> pid_t? {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let pid = pid_t(entry), let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"),
                  !data.isEmpty else { continue }
            let line = String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
            if matches(line) && isAlive(pid) { return pid }
        }
        return nil
    }

    static func parent(of pid: pid_t) -> pid_t? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(close, offsetBy: 2)...].split(separator: " ")
        return fields.count > 1 ? pid_t(fields[1]) : nil
    }

    /// Running, not a zombie.
    static func isAlive(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(close, offsetBy: 2)]
        return state != "Z" && state != "X"
    }
}

/// Start's "every volume has its disk" rule, against the real drbdadm's `sh-ll-dev` of a
/// configuration where this host has a `disk none` volume and the peer another one.
@Suite struct DRBDDisklessByConfigurationTests {
    @Test func onlyThisHostsDisklessVolumesAreExcused() throws {
        let directory = try TestCommands.temporaryDirectory("drbd-diskless")
        defer { TestCommands.removeDirectory(directory) }
        let host = ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "localhost"
        let configuration = directory + "/drbd.conf"
        try """
            global { usage-count no; }
            resource r0 {
                on \(host) { volume 0 { device /dev/drbd0 minor 0; disk /dev/vdb; meta-disk internal; }
                             volume 1 { device /dev/drbd1 minor 1; disk none; } address ipv4 192.0.2.1:7789; }
                on tandem-peer { volume 0 { device /dev/drbd0 minor 0; disk none; }
                                 volume 1 { device /dev/drbd1 minor 1; disk /dev/vdc; meta-disk internal; }
                                 address ipv4 192.0.2.2:7789; }
            }
            """.write(toFile: configuration, atomically: true, encoding: .utf8)
        let result = try TestCommands.run("drbdadm", ["-c", configuration, "sh-ll-dev", "r0"])
        #expect(result.succeeded, "\(result.stderrText)")
        let volume0 = DRBDDevice(volume: 0, disk: .diskless), volume1 = DRBDDevice(volume: 1, disk: .diskless)
        // Volume 1 is `disk none` here: excused. Volume 0 is the peer's `disk none`, not ours: a failed attach.
        #expect(DRBDAgent.disklessByConfiguration([volume1], volumes: [0, 1], shLowerLevelDevices: result.stdoutText))
        #expect(!DRBDAgent.disklessByConfiguration([volume0], volumes: [0, 1], shLowerLevelDevices: result.stdoutText))
        #expect(!DRBDAgent.disklessByConfiguration([volume0, volume1], volumes: [0, 1], shLowerLevelDevices: result.stdoutText))
        #expect(!DRBDAgent.disklessByConfiguration([volume1], volumes: [0, 1, 2], shLowerLevelDevices: result.stdoutText),
                "a volume count that does not match excuses nothing")
    }
}
