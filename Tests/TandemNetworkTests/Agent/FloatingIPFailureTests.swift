import Foundation
import Testing
import TandemCore
import TandemNetwork
import TandemTestSupport

/// What goes wrong under a running address: links down, NICs removed, someone else's address.
@Suite(.enabled(if: NamespaceLab.isRoot, "needs root for network namespaces"))
struct FloatingIPFailureTests {
    @Test func linkDown() throws {
        let lab = try FloatingIPv4Tests.lab()
        defer { lab.remove() }
        let agent = lab.agent(["ip": "10.30.0.90", "arp_bg": "false", "arp_count": "1"])
        #expect(try agent.run("start").code == 0)
        try lab.peerIP("link", "set", "peer0", "down")    // no carrier on eth0
        #expect(try agent.monitor().code == 7)
        #expect(try agent.run("monitor").code == 7)
        var unchecked = agent
        unchecked.parameters["check_link_status"] = "false"
        #expect(try unchecked.monitor().code == 0)
        #expect(try agent.run("stop").code == 0)
        let start = try agent.run("start")
        #expect(start.code == 5)
        #expect(start.exitReason()?.contains("link eth0 is down") == true)
        #expect(try lab.addresses("10.30.0.90").isEmpty)
        #expect(try unchecked.run("start").code == 0)
        #expect(try unchecked.run("stop").code == 0)

        // An interface an admin set down is set up again (as IPaddr2 does). Its connected
        // route went with it, so nic and netmask must be given (findif finds nothing either).
        try lab.peerIP("link", "set", "peer0", "up")
        try lab.ip("link", "set", "eth0", "down")
        #expect(try agent.run("start").code == 2)
        var explicit = agent
        explicit.parameters["nic"] = "eth0"
        explicit.parameters["cidr_netmask"] = "24"
        #expect(try explicit.run("start").code == 0)
        #expect(try lab.link("eth0")?.state.administrativelyUp == true)
        #expect(try agent.run("monitor").code == 0)
        #expect(try agent.run("stop").code == 0)
    }

    @Test func nicRemovedUnderARunningAddress() throws {
        let lab = try FloatingIPv4Tests.lab()
        defer { lab.remove() }
        try lab.addLink("eth1", peerName: "peer1")
        try lab.ip("addr", "add", "10.32.0.1/24", "dev", "eth1")
        for nic in ["eth1", nil] {
            _ = try? lab.ip("link", "add", "name", "eth1", "type", "veth", "peer", "name", "tmp1")
            _ = try? lab.ip("link", "set", "eth1", "up")
            _ = try? lab.ip("link", "set", "tmp1", "up")
            _ = try? lab.ip("addr", "add", "10.32.0.1/24", "dev", "eth1")
            var parameters = ["ip": "10.32.0.50", "arp_bg": "false", "arp_count": "1"]
            parameters["nic"] = nic
            let agent = lab.agent(parameters)
            #expect(try agent.run("start").code == 0, "nic=\(nic ?? "auto")")
            try lab.ip("link", "delete", "eth1")
            let recurring = try agent.monitor()
            #expect(recurring.code == 7, "a vanished NIC is not running, never 6: \(recurring)")
            #expect(try agent.run("monitor").code == 7)
            #expect(try agent.run("stop").code == 0)
            let start = try agent.run("start")
            #expect(start.code == 2, "\(start)")
        }
    }

    @Test func addressAlreadyOnAnotherInterface() throws {
        let lab = try FloatingIPv4Tests.lab()
        defer { lab.remove() }
        try lab.addLink("eth1", peerName: "peer1")
        try lab.ip("addr", "add", "10.30.0.95/32", "dev", "eth1")
        let agent = lab.agent(["ip": "10.30.0.95", "nic": "eth0", "arp_bg": "false", "arp_count": "1"])
        // This host answers for the address on eth1: not stopped (item 11), or Pacemaker would
        // start it on another node too.
        let probe = try agent.run("monitor")
        #expect(probe.code == 1 && probe.exitReason()?.contains("held on eth1") == true, "\(probe)")
        let start = try agent.run("start")
        #expect(start.code == 1)
        #expect(start.exitReason()?.contains("already configured on eth1") == true)
        #expect(try agent.run("stop").code == 0)
        #expect(try lab.addresses("10.30.0.95").isEmpty, "stop removes the address wherever this host holds it")
        #expect(try agent.run("monitor").code == 7)
    }

    @Test func startAndStopNeedRoot() throws {
        let lab = try FloatingIPv4Tests.lab()
        defer { lab.remove() }
        let agent = lab.agent(["ip": "10.30.0.96", "network_namespace": lab.node])
        let binary = TestCommands.binary("floating-ip")
        for action in ["start", "stop"] {
            let result = try TestCommands.run("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", binary, action],
                                              environment: agent.environment)
            #expect(result.status == .exited(4), "\(action): \(result.stderrText)")
        }
        #expect(try lab.addresses("10.30.0.96").isEmpty)
    }
}
