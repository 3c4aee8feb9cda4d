import Foundation
import Testing
import TandemCore
import TandemNetwork
import TandemTestSupport

/// Bad input for every parameter: the right code, an exit reason, and nothing added.
@Suite(.enabled(if: NamespaceLab.isRoot, "needs root for network namespaces"))
struct FloatingIPInputTests {
    /// Parameter sets that are invalid on any host (→ 6 from validate-all and start).
    static let invalid: [[String: String]] = [
        ["ip": ""], ["ip": "300.1.1.1"], ["ip": "10.40.0"], ["ip": "10.40.0.050"], ["ip": "10.40.0.5/24"],
        ["ip": "fe80::1%eth0"], ["ip": "::"], ["ip": "224.0.0.5"], ["ip": "10.40.0.5;reboot"], ["ip": "$(reboot)"],
        ["ip": "2001:db8::1::2"], ["ip": "10.40.0.5", "cidr_netmask": "33"], ["ip": "10.40.0.5", "cidr_netmask": "0"],
        ["ip": "10.40.0.5", "cidr_netmask": "255.0.255.0"], ["ip": "10.40.0.5", "cidr_netmask": "24;ls"],
        ["ip": "2001:db8::5", "cidr_netmask": "255.255.0.0"], ["ip": "2001:db8::5", "cidr_netmask": "129"],
        ["ip": "10.40.0.5", "broadcast": "10.40.0.256"], ["ip": "10.40.0.5", "broadcast": "`id`"],
        ["ip": "10.40.0.5", "iflabel": "a label"], ["ip": "10.40.0.5", "iflabel": "vip;x"],
        ["ip": "10.40.0.5", "iflabel": "abcdefghijklmno"], ["ip": "10.40.0.5", "nic": "eth0", "iflabel": "0123456789a"],
        ["ip": "10.40.0.5", "arp_count": "-1"], ["ip": "10.40.0.5", "arp_count": "0"], ["ip": "10.40.0.5", "arp_count": "5x"],
        ["ip": "10.40.0.5", "arp_interval": "0"], ["ip": "10.40.0.5", "arp_interval": "-200"],
        ["ip": "10.40.0.5", "arp_count_refresh": "-1"],
        ["ip": "10.40.0.5", "arp_mode": "both"],
        ["ip": "10.40.0.5", "preferred_lft": "-1"], ["ip": "10.40.0.5", "preferred_lft": "soon"],
        ["ip": "10.40.0.5", "nic": "eth0;ls"],
        ["ip": "10.40.0.5", "nic": "../eth0"], ["ip": "10.40.0.5", "nic": "eth0 "],
        ["ip": "10.40.0.5", "network_namespace": "a/b"], ["ip": "10.40.0.5", "network_namespace": "$(x)"],
    ]

    @Test func invalidSyntaxIsNotConfiguredEverywhereItMatters() throws {
        let lab = try NamespaceLab()
        defer { lab.remove() }
        try lab.ip("addr", "add", "10.40.0.1/24", "dev", "eth0")
        let before = try lab.allAddresses()
        for parameters in Self.invalid {
            let agent = lab.agent(parameters)
            for action in ["validate-all", "start"] {
                let outcome = try agent.run(action)
                #expect(outcome.code == 6, "\(action) \(parameters): \(outcome)")
                #expect(outcome.exitReason()?.isEmpty == false, "\(action) \(parameters) gives a reason")
            }
            #expect(try agent.run("monitor").code == 7, "probe \(parameters)")
            // Only the address and its namespace say where to look; with any other parameter
            // invalid a monitor still reports the real state (here: not there).
            // Values that are only wrong together with the address (a prefix length of the other
            // family, a label too long for this nic) are left out there too.
            let identifying = parameters["network_namespace"] != nil || !["10.40.0.5", "2001:db8::5"].contains(parameters["ip"])
            #expect(try agent.monitor().code == (identifying ? 1 : 7), "recurring monitor \(parameters): never 6")
            #expect(try agent.run("stop").code == 0, "stop \(parameters)")
        }
        #expect(try lab.allAddresses() == before, "no address was added")
    }

    /// IPaddr2 reads a boolean it does not know as false (ocf_is_true); so does floating-ip,
    /// with a warning, so that a migrated CIB keeps its address.
    @Test func anUnknownBooleanIsReadAsFalseWithAWarning() throws {
        let lab = try NamespaceLab()
        defer { lab.remove() }
        try lab.ip("addr", "add", "10.40.0.1/24", "dev", "eth0")
        for parameters in [["arp_bg": "maybe"], ["nodad": "perhaps"], ["noprefixroute": "2"], ["check_link_status": "y es"]] {
            let agent = lab.agent(["ip": "10.40.0.5", "arp_count": "1"].merging(parameters) { $1 })
            let validate = try agent.run("validate-all")
            #expect(validate.code == 0, "\(parameters): \(validate)")
            #expect(validate.stderr.contains("is not a boolean (true or false); read as \"false\""), "\(validate)")
        }
    }

    /// Item 13: one bad parameter that does not say where the address is must not make a
    /// probe of a running address say "not running", nor stop leave it behind.
    @Test func aBadUnrelatedParameterDoesNotHideARunningAddress() throws {
        let lab = try NamespaceLab()
        defer { lab.remove() }
        try lab.ip("addr", "add", "10.40.0.1/24", "dev", "eth0")
        let good = lab.agent(["ip": "10.40.0.7", "arp_bg": "false", "arp_count": "1"])
        #expect(try good.run("start").code == 0)
        for bad in [["arp_count": "0"], ["arp_mode": "both"], ["preferred_lft": "soon"], ["iflabel": "a label"],
                    ["cidr_netmask": "64"], ["broadcast": "::1"], ["nic": "eth0", "iflabel": "0123456789abc"]] {
            let agent = lab.agent(["ip": "10.40.0.7"].merging(bad) { $1 })
            #expect(try agent.run("monitor").code == 0, "probe with \(bad)")
            #expect(try agent.monitor().code == 0, "recurring monitor with \(bad)")
        }
        let stop = lab.agent(["ip": "10.40.0.7", "arp_interval": "0", "cidr_netmask": "64"])
        #expect(try stop.run("stop").code == 0)
        #expect(try lab.addresses("10.40.0.7").isEmpty, "stop removed it despite arp_interval=0 and an IPv6 prefix")
    }

    @Test func unknownNicIsInvalidOnThisHost() throws {
        let lab = try NamespaceLab()
        defer { lab.remove() }
        try lab.ip("addr", "add", "10.40.0.1/24", "dev", "eth0")
        let agent = lab.agent(["ip": "10.40.0.5", "nic": "eth9"])
        for action in ["validate-all", "start"] {
            let outcome = try agent.run(action)
            #expect(outcome.code == 2)
            #expect(outcome.exitReason() == "interface eth9 does not exist (on this host)")
        }
        #expect(try agent.run("monitor").code == 7)
        #expect(try agent.monitor().code == 7)
        #expect(try agent.run("stop").code == 0)
        #expect(try lab.addresses("10.40.0.5").isEmpty)
    }

    /// Item 13: IPaddr2 takes send_arp_opts with values (`-c 3`); only -A and -U mean
    /// anything here, the rest is ignored with a warning, never refused.
    @Test func sendARPOptionsWithValuesAreAccepted() throws {
        let lab = try NamespaceLab()
        defer { lab.remove() }
        try lab.ip("addr", "add", "10.40.0.1/24", "dev", "eth0")
        for options in ["-c 3", "-A -c 3", "-U -c 2 -I eth0"] {
            let agent = lab.agent(["ip": "10.40.0.6", "send_arp_opts": options, "arp_bg": "false", "arp_count": "1"])
            let validate = try agent.run("validate-all")
            #expect(validate.code == 0, "send_arp_opts=\(options): \(validate)")
            let start = try agent.run("start")
            #expect(start.code == 0, "send_arp_opts=\(options): \(start)")
            #expect(start.stderr.contains("send_arp_opts: option -c is not supported; ignored"), "\(start)")
            #expect(try lab.addresses("10.40.0.6").count == 1)
            #expect(try agent.run("stop").code == 0)
        }
    }

    @Test func unknownActionAndUsage() throws {
        let outcome = try AgentInvocation("floating-ip").run("reboot")
        #expect(outcome.code == 3)
        #expect(outcome.stderr.hasPrefix("usage: floating-ip {start|stop|status|monitor|meta-data|validate-all|usage}"))
    }
}
