import Foundation
import Testing
import TandemCore
import TandemNetwork
import TandemTestSupport

/// The built agent with IPv6 addresses: DAD, link-local, the IPv6-only options.
@Suite(.enabled(if: NamespaceLab.isRoot, "needs root for network namespaces"))
struct FloatingIPv6Tests {
    static func lab() throws -> NamespaceLab {
        let lab = try NamespaceLab(ipv6: true)
        try lab.ip("addr", "add", "2001:db8:30::1/64", "dev", "eth0", "nodad")
        try lab.peerIP("addr", "add", "2001:db8:30::2/64", "dev", "peer0", "nodad")
        try lab.settleIPv6()
        return lab
    }

    @Test func lifecycleWaitsForDAD() throws {
        let lab = try Self.lab()
        defer { lab.remove() }
        let agent = lab.agent(["ip": "2001:db8:30::50", "arp_bg": "false", "arp_count": "1"])
        #expect(try agent.run("validate-all").code == 0)
        #expect(try agent.run("monitor").code == 7)
        #expect(try agent.run("start").code == 0)
        let added = try #require(try lab.addresses("2001:db8:30::50").first)
        #expect(added.prefixLength == 64)
        #expect(!added.flags.contains(.tentative), "start returns after DAD: \(added.flags)")
        #expect(try agent.run("monitor").code == 0)
        #expect(try agent.run("start").code == 0)
        #expect(try agent.run("stop").code == 0)
        #expect(try lab.addresses("2001:db8:30::50").isEmpty)
        #expect(try agent.run("stop").code == 0)
        #expect(try agent.run("monitor").code == 7)
    }

    @Test func explicitNicPrefixAndIPv6Options() throws {
        let lab = try Self.lab()
        defer { lab.remove() }
        let agent = lab.agent(["ip": "2001:db8:30::60", "nic": "eth0", "cidr_netmask": "80", "nodad": "true",
                               "noprefixroute": "true", "preferred_lft": "0", "arp_bg": "false", "arp_count": "1"])
        #expect(try agent.run("start").code == 0)
        let added = try #require(try lab.addresses("2001:db8:30::60").first)
        #expect(added.prefixLength == 80)
        #expect(added.flags.contains(.noDAD) && added.flags.contains(.noPrefixRoute) && added.flags.contains(.deprecated))
        #expect(added.preferredLifetime == 0)
        #expect(!(try lab.ip("-6", "route", "show")).contains("2001:db8:30::/80"))
        #expect(try agent.run("monitor").code == 0)
        #expect(try agent.run("stop").code == 0)
        let broadcast = try lab.agent(["ip": "2001:db8:30::60", "broadcast": "+"]).run("validate-all")
        #expect(broadcast.code == 6 && broadcast.exitReason()?.contains("IPv4 only") == true)
    }

    @Test func duplicateAddressDetectionFailureRemovesTheAddress() throws {
        let lab = try Self.lab()
        defer { lab.remove() }
        try lab.peerIP("addr", "add", "2001:db8:30::77/64", "dev", "peer0", "nodad")   // the other node holds it
        let agent = lab.agent(["ip": "2001:db8:30::77", "arp_bg": "false", "arp_count": "1"])
        let start = try agent.run("start")
        #expect(start.code == 1)
        #expect(start.exitReason()?.contains("duplicate address detection failed") == true, "\(start)")
        #expect(try lab.addresses("2001:db8:30::77").isEmpty)
        #expect(try agent.run("monitor").code == 7)
        #expect(try agent.run("stop").code == 0)
    }

    @Test func linkLocalNeedsNic() throws {
        let lab = try Self.lab()
        defer { lab.remove() }
        let missing = try lab.agent(["ip": "fe80::99"]).run("validate-all")
        #expect(missing.code == 6 && missing.exitReason()?.contains("needs nic") == true)
        #expect(try lab.agent(["ip": "fe80::99"]).run("monitor").code == 7, "a probe reports not running")
        // The same link-local address on another link is another address: not this resource's.
        try lab.addLink("eth1", peerName: "peer1")
        try lab.ip("addr", "add", "fe80::99/64", "dev", "eth1", "nodad")
        let agent = lab.agent(["ip": "fe80::99", "nic": "eth0", "arp_bg": "false", "arp_count": "1"])
        #expect(try agent.run("start").code == 0)
        #expect(try lab.addresses("fe80::99").count == 2)
        #expect(try agent.run("monitor").code == 0)
        #expect(try agent.run("stop").code == 0)
        #expect(try lab.addresses("fe80::99").map { try lab.interfaceName($0.interface) } == ["eth1"])
    }

    @Test func linkDownIsNotInstalledAtStartAndNotRunningInMonitor() throws {
        let lab = try Self.lab()
        defer { lab.remove() }
        let agent = lab.agent(["ip": "2001:db8:30::90", "arp_bg": "false", "arp_count": "1"])
        #expect(try agent.run("start").code == 0)
        try lab.peerIP("link", "set", "peer0", "down")
        #expect(try agent.monitor().code == 7)
        #expect(try agent.run("stop").code == 0)
        #expect(try agent.run("start").code == 5)
        #expect(try lab.addresses("2001:db8:30::90").isEmpty)
    }
}
