import Foundation
import Testing
import TandemCore
import TandemNetwork
import TandemTestSupport

/// Item 12b: monitor finds the IPv6 address still tentative (duplicate address detection
/// running) and waits, within its own time, for the outcome instead of calling it running.
@Suite(.enabled(if: NamespaceLab.isRoot, "needs root for network namespaces"))
struct FloatingIPMonitorDADTests {
    /// DAD on the node's eth0 takes `transmits` × `milliseconds`.
    static func slowDAD(_ lab: NamespaceLab, transmits: Int, milliseconds: Int) throws {
        try TestCommands.check("ip", ["netns", "exec", lab.node, "sysctl", "-qw",
                                      "net.ipv6.conf.eth0.dad_transmits=\(transmits)",
                                      "net.ipv6.neigh.eth0.retrans_time_ms=\(milliseconds)"])
    }

    @Test func tentativeAddressThatPassesDADIsRunningAfterTheWait() throws {
        let lab = try FloatingIPv6Tests.lab()
        defer { lab.remove() }
        try Self.slowDAD(lab, transmits: 3, milliseconds: 300)
        try lab.ip("addr", "add", "2001:db8:30::80/64", "dev", "eth0")
        #expect(try lab.addresses("2001:db8:30::80").first?.flags.contains(.tentative) == true)
        let agent = lab.agent(["ip": "2001:db8:30::80", "arp_bg": "false", "arp_count": "1"])
        let monitor = try agent.monitor()
        #expect(monitor.code == 0, "\(monitor)")
        #expect(try lab.addresses("2001:db8:30::80").first?.flags.contains(.tentative) == false,
                "monitor answered after DAD had finished")
        #expect(try agent.run("stop").code == 0)
    }

    @Test func tentativeAddressThatFailsDADIsFailed() throws {
        let lab = try FloatingIPv6Tests.lab()
        defer { lab.remove() }
        try lab.peerIP("addr", "add", "2001:db8:30::81/64", "dev", "peer0", "nodad")   // the other node holds it
        try Self.slowDAD(lab, transmits: 2, milliseconds: 300)
        try lab.ip("addr", "add", "2001:db8:30::81/64", "dev", "eth0")
        let agent = lab.agent(["ip": "2001:db8:30::81", "arp_bg": "false", "arp_count": "1"])
        let monitor = try agent.monitor()
        #expect(monitor.code == 1, "\(monitor)")
        #expect(monitor.exitReason()?.contains("duplicate address detection") == true, "\(monitor)")
        #expect(try agent.run("stop").code == 0)
        #expect(try lab.addresses("2001:db8:30::81").isEmpty)
    }

    @Test func addressStillTentativeAtTheEndOfTheWaitIsFailed() throws {
        let lab = try FloatingIPv6Tests.lab()
        defer { lab.remove() }
        try Self.slowDAD(lab, transmits: 10, milliseconds: 1000)
        try lab.ip("addr", "add", "2001:db8:30::82/64", "dev", "eth0")
        let agent = lab.agent(["ip": "2001:db8:30::82", "arp_bg": "false", "arp_count": "1"])
        let began = Date()
        let monitor = try agent.monitor()
        #expect(monitor.code == 1, "\(monitor)")
        #expect(monitor.exitReason()?.contains("tentative") == true, "\(monitor)")
        #expect(Date().timeIntervalSince(began) < 6, "the wait is bounded (about 3 s)")
        #expect(try agent.run("stop").code == 0)
    }
}
