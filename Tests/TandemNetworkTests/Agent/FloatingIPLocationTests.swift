import Foundation
import Testing
import TandemCore
import TandemNetwork
import TandemTestSupport

/// Where monitor and stop look for the address (item 11): another interface of this host
/// after a route change is failed, not stopped, and stop removes every copy.
@Suite(.enabled(if: NamespaceLab.isRoot, "needs root for network namespaces"))
struct FloatingIPLocationTests {
    /// Item 11: with automatic nic selection the route for the address moves to another link
    /// while the address stays on the old one. This host still answers for it, so monitor
    /// must not say "stopped" (Pacemaker would start it on the peer: duplicate address).
    @Test func addressLeftOnTheOldInterfaceAfterARouteChangeIsFailedAndStopRemovesIt() throws {
        let lab = try FloatingIPv4Tests.lab()
        defer { lab.remove() }
        try lab.addLink("eth1", peerName: "peer1")
        try lab.ip("addr", "add", "10.31.0.1/24", "dev", "eth1")
        try lab.ip("route", "add", "10.50.0.0/24", "dev", "eth0")
        // /32: the kernel adds no prefix route of its own, so the test's route alone decides.
        let agent = lab.agent(["ip": "10.50.0.50", "cidr_netmask": "32", "arp_bg": "false", "arp_count": "1"])
        #expect(try agent.run("start").code == 0)
        #expect(try lab.addresses("10.50.0.50").first.map { try lab.interfaceName($0.interface) } == "eth0")
        #expect(try agent.monitor().code == 0)

        try lab.ip("route", "replace", "10.50.0.0/24", "dev", "eth1")
        let recurring = try agent.monitor()
        #expect(recurring.code == 1, "\(recurring)")
        #expect(recurring.exitReason()?.contains("eth0") == true, "the reason names the holder: \(recurring)")
        let probe = try agent.run("monitor")
        #expect(probe.code == 1, "\(probe)")

        #expect(try agent.run("stop").code == 0)
        #expect(try lab.addresses("10.50.0.50").isEmpty, "stop removes it from eth0")
        #expect(try agent.run("monitor").code == 7)
        #expect(try agent.monitor().code == 7)
    }

    /// Item 11, every copy: stop takes the address off every interface of this host.
    @Test func stopRemovesEveryCopyOnThisHost() throws {
        let lab = try FloatingIPv4Tests.lab()
        defer { lab.remove() }
        try lab.addLink("eth1", peerName: "peer1")
        let agent = lab.agent(["ip": "10.30.0.97", "nic": "eth0", "arp_bg": "false", "arp_count": "1"])
        #expect(try agent.run("start").code == 0)
        try lab.ip("addr", "add", "10.30.0.97/32", "dev", "eth1")
        let monitor = try agent.monitor()
        #expect(monitor.code == 1 && monitor.exitReason()?.contains("eth1") == true, "\(monitor)")
        #expect(try agent.run("stop").code == 0)
        #expect(try lab.addresses("10.30.0.97").isEmpty)
        #expect(try agent.run("monitor").code == 7)
    }
}
