import Foundation
import Testing
import TandemCore
import TandemNetwork
import TandemTestSupport

/// The built agent in a namespace: IPv4 start/stop/monitor/validate-all.
@Suite(.enabled(if: NamespaceLab.isRoot, "needs root for network namespaces"))
struct FloatingIPv4Tests {
    static func lab() throws -> NamespaceLab {
        let lab = try NamespaceLab()
        try lab.ip("addr", "add", "10.30.0.1/24", "dev", "eth0")
        try lab.peerIP("addr", "add", "10.30.0.2/24", "dev", "peer0")
        return lab
    }

    @Test func autoDetectedLifecycleIsIdempotent() throws {
        let lab = try Self.lab()
        defer { lab.remove() }
        let agent = lab.agent(["ip": "10.30.0.50", "arp_bg": "false", "arp_count": "1"])
        #expect(try agent.run("validate-all").code == 0)
        #expect(try agent.run("monitor").code == 7)
        #expect(try agent.run("start").code == 0)
        let added = try #require(try lab.addresses("10.30.0.50").first)
        #expect(added.prefixLength == 24)
        #expect(added.broadcast?.description == "10.30.0.255")
        #expect(try lab.interfaceName(added.interface) == "eth0")
        #expect(try agent.run("monitor").code == 0)
        #expect(try agent.monitor().code == 0)
        #expect(try agent.run("start").code == 0, "start is idempotent")
        #expect(try lab.addresses("10.30.0.50").count == 1)
        #expect(try agent.run("stop").code == 0)
        #expect(try lab.addresses("10.30.0.50").isEmpty)
        #expect(try agent.run("monitor").code == 7)
        #expect(try agent.run("stop").code == 0, "stop is idempotent")
    }

    @Test func explicitNicAndNetmask() throws {
        let lab = try Self.lab()
        defer { lab.remove() }
        let agent = lab.agent(["ip": "10.30.0.60", "nic": "eth0", "cidr_netmask": "25", "broadcast": "-", "arp_bg": "false",
                               "arp_count": "1"])
        #expect(try agent.run("start").code == 0)
        let added = try #require(try lab.addresses("10.30.0.60").first)
        #expect(added.prefixLength == 25 && added.broadcast == nil)
        #expect(try agent.run("stop").code == 0)

        var dotted = agent
        dotted.parameters["cidr_netmask"] = "255.255.255.128"
        let outcome = try dotted.run("start")
        #expect(outcome.code == 0)
        #expect(outcome.stderr.contains("dotted mask"))
        #expect(try lab.addresses("10.30.0.60").first?.prefixLength == 25)
        #expect(try dotted.run("stop").code == 0)

        var wider = agent   // a netmask wider than the subnet's route: no route matches (findif)
        wider.parameters["nic"] = nil
        wider.parameters["cidr_netmask"] = "16"
        let failed = try wider.run("start")
        #expect(failed.code == 2)
        #expect(failed.exitReason()?.contains("no route covers 10.30.0.60/16") == true)
        #expect(try lab.addresses("10.30.0.60").isEmpty)
    }

    @Test func twoInterfacesOnDifferentSubnetsAndMetrics() throws {
        let lab = try Self.lab()
        defer { lab.remove() }
        try lab.addLink("eth1", peerName: "peer1")
        try lab.ip("addr", "add", "10.31.0.1/24", "dev", "eth1")
        let second = lab.agent(["ip": "10.31.0.50", "arp_bg": "false", "arp_count": "1"])
        #expect(try second.run("start").code == 0)
        #expect(try lab.addresses("10.31.0.50").first.map { try lab.interfaceName($0.interface) } == "eth1")
        #expect(try second.run("monitor").code == 0)
        #expect(try second.run("stop").code == 0)

        var forced = second   // nic given, address outside its subnet, no netmask: nothing to take it from
        forced.parameters["nic"] = "eth0"
        let failed = try forced.run("start")
        #expect(failed.code == 2 && failed.exitReason()?.contains("through eth0") == true)
        forced.parameters["cidr_netmask"] = "24"   // nic and netmask both given: used as they are
        #expect(try forced.run("start").code == 0)
        #expect(try lab.addresses("10.31.0.50").first.map { try lab.interfaceName($0.interface) } == "eth0")
        #expect(try forced.run("stop").code == 0)

        // The lowest metric wins; blackhole and default routes are never candidates.
        try lab.ip("route", "add", "10.77.0.0/16", "dev", "eth1", "metric", "20")
        try lab.ip("route", "add", "10.77.0.0/16", "dev", "eth0", "metric", "10")
        try lab.ip("route", "add", "blackhole", "10.78.0.0/16")
        try lab.ip("route", "add", "default", "via", "10.30.0.2")
        let metric = lab.agent(["ip": "10.77.1.1", "arp_bg": "false", "arp_count": "1"])
        #expect(try metric.run("start").code == 0)
        #expect(try lab.addresses("10.77.1.1").first.map { try lab.interfaceName($0.interface) } == "eth0")
        #expect(try metric.run("stop").code == 0)
        let blackholed = try lab.agent(["ip": "10.78.1.1"]).run("validate-all")
        #expect(blackholed.code == 2 && blackholed.exitReason()?.contains("unable to find nic or netmask") == true)
    }

    @Test func interfaceLabel() throws {
        let lab = try Self.lab()
        defer { lab.remove() }
        let agent = lab.agent(["ip": "10.30.0.70", "iflabel": "vip", "arp_bg": "false", "arp_count": "1"])
        #expect(try agent.run("start").code == 0)
        #expect(try lab.addresses("10.30.0.70").first?.label == "eth0:vip")
        #expect(try lab.ip("-4", "-o", "addr", "show", "dev", "eth0").contains("eth0:vip"))
        #expect(try agent.run("monitor").code == 0)
        #expect(try agent.run("stop").code == 0)
        #expect(try lab.addresses("10.30.0.70").isEmpty)

        let legacy = lab.agent(["ip": "10.30.0.70", "nic": "eth0:old", "arp_bg": "false", "arp_count": "1"])
        #expect(try legacy.run("start").code == 0)
        #expect(try lab.addresses("10.30.0.70").first?.label == "eth0:old")
        #expect(try legacy.run("stop").code == 0)

        let long = try lab.agent(["ip": "10.30.0.70", "nic": "eth0", "iflabel": "abcdefghijk"]).run("validate-all")
        #expect(long.code == 6 && long.exitReason()?.contains("longer than 15") == true)
        let auto = try lab.agent(["ip": "10.30.0.70", "iflabel": "abcdefghijk"]).run("start")
        #expect(auto.code == 6 && auto.exitReason()?.contains("eth0:abcdefghijk") == true)
        #expect(try lab.addresses("10.30.0.70").isEmpty)
    }

    @Test func loopbackAddress() throws {
        let lab = try Self.lab()
        defer { lab.remove() }
        let agent = lab.agent(["ip": "127.0.0.3"])
        #expect(try agent.run("start").code == 0)
        #expect(try lab.addresses("127.0.0.3").first.map { try lab.interfaceName($0.interface) } == "lo")
        #expect(try agent.run("monitor").code == 0)
        #expect(try agent.run("stop").code == 0)
        #expect(try lab.addresses("127.0.0.3").isEmpty)
    }

    @Test func networkNamespaceParameterUsesSetns() throws {
        let lab = try Self.lab()
        defer { lab.remove() }
        var agent = lab.agent(["ip": "10.30.0.80", "network_namespace": lab.node, "arp_bg": "false", "arp_count": "1"])
        agent.namespace = nil   // the agent enters the namespace itself
        #expect(try agent.run("validate-all").code == 0)
        #expect(try agent.run("start").code == 0)
        #expect(try lab.addresses("10.30.0.80").count == 1)
        #expect(try agent.run("monitor").code == 0)
        #expect(try agent.run("stop").code == 0)
        #expect(try lab.addresses("10.30.0.80").isEmpty)

        agent.parameters["network_namespace"] = lab.node + "-gone"
        let validate = try agent.run("validate-all")
        #expect(validate.code == 2 && validate.exitReason()?.contains("does not exist") == true)
        #expect(try agent.run("start").code == 2)
        #expect(try agent.run("monitor").code == 7)
        #expect(try agent.monitor().code == 7)
        #expect(try agent.run("stop").code == 0)
    }
}
