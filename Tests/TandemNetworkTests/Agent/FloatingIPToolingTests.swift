import Foundation
import Testing
import TandemCore
import TandemNetwork
import TandemTestSupport

/// ocf-tester, meta-data schemas, and "monitor starts no processes".
@Suite(.enabled(if: NamespaceLab.isRoot, "needs root for network namespaces"))
struct FloatingIPToolingTests {
    @Test(arguments: [("10.30.0.60", "eth0"), ("2001:db8:30::60", nil)])
    func ocfTesterPassesInsideANamespace(ip: String, nic: String?) throws {
        let lab = ip.contains(":") ? try FloatingIPv6Tests.lab() : try FloatingIPv4Tests.lab()
        defer { lab.remove() }
        var arguments = ["netns", "exec", lab.node, "ocf-tester", "-n", "vip", "-o", "ip=\(ip)"]
        if let nic { arguments += ["-o", "nic=\(nic)"] }
        arguments.append(TestCommands.binary("floating-ip"))
        let result = try TestCommands.run("ip", arguments, environment: ["HA_RSCTMP": lab.stateDirectory],
                                          timeoutMilliseconds: 180_000)
        #expect(result.succeeded, "ocf-tester: \(result.stdoutText) \(result.stderrText)")
        #expect(result.stdoutText.contains("passed all tests"))
        #expect(try lab.addresses(ip).isEmpty)
    }

    @Test func metadataValidatesAgainstAllThreeSchemas() throws {
        let outcome = try AgentInvocation("floating-ip").run("meta-data")
        #expect(outcome.code == 0)
        #expect(try MetadataSchemas.problems(in: outcome.stdout) == [])
        for name in ["ip", "nic", "cidr_netmask", "broadcast", "iflabel", "arp_count", "arp_interval", "arp_count_refresh",
                     "arp_bg", "arp_mode", "preferred_lft", "nodad", "noprefixroute", "check_link_status", "network_namespace"] {
            #expect(outcome.stdout.contains("<parameter name=\"\(name)\""), "\(name)")
        }
        #expect(!outcome.stdout.contains("__announce"))
    }

    @Test func monitorStartsNoProcesses() throws {
        let lab = try FloatingIPv4Tests.lab()
        defer { lab.remove() }
        var agent = lab.agent(["ip": "10.30.0.70", "network_namespace": lab.node, "arp_bg": "false", "arp_count": "1"])
        agent.namespace = nil
        #expect(try agent.run("start").code == 0)
        let trace = lab.stateDirectory + "/monitor.strace"
        var environment = agent.environment
        environment["OCF_RESKEY_CRM_meta_interval"] = "10000"
        let result = try TestCommands.run("strace", ["-f", "-qq", "-o", trace, "-e", "trace=execve,fork,vfork,clone,clone3",
                                                     TestCommands.binary("floating-ip"), "monitor"], environment: environment)
        #expect(result.status == .exited(0), "\(result.stderrText)")
        let lines = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n")
        #expect(lines.filter { $0.contains("execve(") }.count == 1, "only the agent itself: \(lines)")
        #expect(lines.filter { $0.contains("fork(") || $0.contains("clone(") || $0.contains("clone3(") }.isEmpty, "\(lines)")
        #expect(try agent.run("stop").code == 0)
    }
}
