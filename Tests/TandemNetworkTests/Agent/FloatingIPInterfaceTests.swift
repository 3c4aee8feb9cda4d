import Foundation
import Testing
import TandemCore
import TandemNetwork
import TandemTestSupport

/// The address on its interface as nic names it: long alternative names (item 12), a prefix
/// length other than cidr_netmask (item 12a).
@Suite(.enabled(if: NamespaceLab.isRoot, "needs root for network namespaces"))
struct FloatingIPInterfaceTests {
    /// Item 12: an alternative name longer than IFNAMSIZ-1 as nic.
    @Test func longAlternativeInterfaceName() throws {
        let lab = try FloatingIPv4Tests.lab()
        defer { lab.remove() }
        let altname = "some-very-long-altname-x"
        try lab.ip("link", "property", "add", "dev", "eth0", "altname", altname)
        let agent = lab.agent(["ip": "10.30.0.98", "nic": altname, "arp_bg": "false", "arp_count": "1"])
        #expect(try agent.run("validate-all").code == 0)
        let start = try agent.run("start")
        #expect(start.code == 0, "\(start)")
        #expect(try lab.addresses("10.30.0.98").first.map { try lab.interfaceName($0.interface) } == "eth0")
        #expect(try agent.run("monitor").code == 0)
        #expect(try agent.monitor().code == 0)
        #expect(try agent.run("stop").code == 0)
        #expect(try lab.addresses("10.30.0.98").isEmpty)
        #expect(try agent.run("monitor").code == 7)
        let missing = try lab.agent(["ip": "10.30.0.98", "nic": "another-very-long-name-y"]).run("validate-all")
        #expect(missing.code == 2 && missing.exitReason()?.contains("does not exist") == true, "\(missing)")
    }

    /// Item 12a: an explicit cidr_netmask and the address on the right interface with another
    /// prefix length.
    @Test func prefixLengthMismatchIsFailed() throws {
        let lab = try FloatingIPv4Tests.lab()
        defer { lab.remove() }
        let agent = lab.agent(["ip": "10.30.0.99", "nic": "eth0", "cidr_netmask": "24", "arp_bg": "false", "arp_count": "1"])
        try lab.ip("addr", "add", "10.30.0.99/25", "dev", "eth0")
        let monitor = try agent.monitor()
        #expect(monitor.code == 1, "\(monitor)")
        #expect(monitor.exitReason()?.contains("/25") == true, "\(monitor)")
        #expect(try agent.run("monitor").code == 1)
        #expect(try agent.run("stop").code == 0)
        #expect(try lab.addresses("10.30.0.99").isEmpty)
        #expect(try agent.run("start").code == 0)
        #expect(try lab.addresses("10.30.0.99").map(\.prefixLength) == [24])
        #expect(try agent.monitor().code == 0)
        // start finds the wrong prefix length and replaces the address.
        #expect(try agent.run("stop").code == 0)
        try lab.ip("addr", "add", "10.30.0.99/25", "dev", "eth0")
        #expect(try agent.run("start").code == 0)
        #expect(try lab.addresses("10.30.0.99").map(\.prefixLength) == [24])
        // Without cidr_netmask the prefix length is whatever the address has.
        var automatic = agent
        automatic.parameters["cidr_netmask"] = nil
        #expect(try agent.run("stop").code == 0)
        try lab.ip("addr", "add", "10.30.0.99/25", "dev", "eth0")
        #expect(try automatic.monitor().code == 0)
        #expect(try automatic.run("stop").code == 0)
    }
}
