import Testing
import TandemNetwork
import TandemTestSupport
@testable import TandemCore
@testable import floating_ip

/// The checks that need the address as well as the value (parsed once, before): refused
/// where a new configuration comes in, left out in actions on a running address.
@Suite struct ConfigurationTests {
    /// The parameters as the runtime hands them over: parsed and checked one by one.
    func configuration(_ parameters: [String: String], _ action: ActionName = .start) throws(Configuration.Problem)
        -> Configuration {
        var variables = ["OCF_RESOURCE_INSTANCE": "vip"]
        for (name, value) in parameters { variables["OCF_RESKEY_" + name] = value }
        let environment = OCFEnvironment(variables)
        let parsed = ParameterValues.parse(FloatingIPDeclaration.agent, from: environment)
        let budget = OperationBudget(timeoutMilliseconds: 1000, started: .now())
        let context = AgentContext(
            declaration: FloatingIPDeclaration.agent, action: action, environment: environment, parameters: parsed.values,
            logger: TestLogger.shared,
            budget: budget, runner: CommandRunner(budget: budget))
        return try Configuration(context)
    }

    func reason(_ parameters: [String: String], _ action: ActionName = .start) -> String? {
        do {
            _ = try configuration(parameters, action)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func aPrefixLengthMustFitTheFamily() throws {
        #expect(try configuration(["ip": "10.40.0.5", "cidr_netmask": "32"]).prefixLength == 32)
        #expect(try configuration(["ip": "10.40.0.5", "cidr_netmask": "255.255.0.0"]).prefixLength == 16)
        #expect(try configuration(["ip": "2001:db8::5", "cidr_netmask": "128"]).prefixLength == 128)
        #expect(try configuration(["ip": "10.40.0.5"]).prefixLength == nil, "unset: the route's")
        #expect(reason(["ip": "10.40.0.5", "cidr_netmask": "33"]) == "cidr_netmask=33 does not fit an IPv4 address (1 to 32)")
        #expect(reason(["ip": "2001:db8::5", "cidr_netmask": "255.255.255.0"])
            == "cidr_netmask=255.255.255.0 does not fit an IPv6 address (1 to 128)")
    }

    @Test func aBroadcastAddressIsForIPv4Only() throws {
        #expect(try configuration(["ip": "10.40.0.5"]).broadcast == .automatic, "unset: the subnet's highest")
        #expect(try configuration(["ip": "10.40.0.5", "broadcast": "-"]).broadcast == Broadcast.none)
        let given = try configuration(["ip": "10.40.0.5", "broadcast": "10.40.0.127"])
        #expect(given.broadcastAddress(prefixLength: 24) == (try addr("10.40.0.127")))
        let automatic = try configuration(["ip": "10.40.0.5", "broadcast": "+"])
        #expect(automatic.broadcastAddress(prefixLength: 24) == (try addr("10.40.0.255")))
        #expect(automatic.broadcastAddress(prefixLength: 31) == nil)
        #expect(reason(["ip": "2001:db8::5", "broadcast": "+"]) == "broadcast=+ is for IPv4 only; IPv6 has no broadcast")
        #expect(reason(["ip": "2001:db8::5", "broadcast": "10.40.0.255"])
            == "broadcast=10.40.0.255 is for IPv4 only; IPv6 has no broadcast")
    }

    /// Monitor and stop must find the real address: a value wrong only together with the
    /// address is left out there, not refused.
    @Test(arguments: [ActionName.monitor, .stop])
    func aValueThatDoesNotFitIsLeftOutOnARunningAddress(action: ActionName) throws {
        #expect(try configuration(["ip": "10.40.0.5", "cidr_netmask": "64"], action).prefixLength == nil)
        #expect(try configuration(["ip": "2001:db8::5", "cidr_netmask": "255.255.0.0"], action).prefixLength == nil)
        #expect(try configuration(["ip": "2001:db8::5", "broadcast": "-"], action).broadcast == .automatic)
    }

    @Test func thePreferredLifetimeIsForIPv6Only() throws {
        #expect(try configuration(["ip": "2001:db8::5"]).preferredLifetime == .forever)
        #expect(try configuration(["ip": "2001:db8::5", "preferred_lft": "0"]).preferredLifetime == .seconds(0))
        #expect(try configuration(["ip": "10.40.0.5", "preferred_lft": "60"]).preferredLifetime == .forever,
                "ignored (with a warning) for IPv4")
    }

    /// arp_mode wins; with only send_arp_opts set, its last -A or -U counts.
    @Test func theAnnouncementKind() throws {
        #expect(try configuration(["ip": "10.40.0.5"]).arpOperation == .request)
        #expect(try configuration(["ip": "10.40.0.5", "arp_mode": "reply"]).arpOperation == .reply)
        #expect(try configuration(["ip": "10.40.0.5", "send_arp_opts": "-c 3 -A"]).arpOperation == .reply)
        #expect(try configuration(["ip": "10.40.0.5", "send_arp_opts": "-A -U"]).arpOperation == .request)
        #expect(try configuration(["ip": "10.40.0.5", "send_arp_opts": "-c 3"]).arpOperation == .request)
        #expect(try configuration(["ip": "10.40.0.5", "arp_mode": "request", "send_arp_opts": "-A"]).arpOperation == .request)
    }
}
