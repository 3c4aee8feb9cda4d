import Testing
import TandemCore
import TandemNetwork
import TandemTestSupport
@testable import floating_ip

/// `broadcast` parses once into `Broadcast`; the IPv6 rule needs the address and is in
/// ConfigurationTests.
@Suite struct BroadcastTests {
    @Test func plusMinusAndAnIPv4Address() throws {
        #expect(Broadcast(ocfText: "+") == .automatic)
        #expect(Broadcast(ocfText: "-") == Broadcast.none)
        #expect(Broadcast(ocfText: "10.40.0.255") == .address(try addr("10.40.0.255")))
        #expect(Broadcast(ocfText: "255.255.255.255") == .address(try addr("255.255.255.255")))
        for text in ["+", "-", "10.40.0.255"] { #expect(Broadcast(ocfText: text)?.ocfText == text) }
    }

    /// IPv6 has no broadcast, so an IPv6 address is no broadcast value at all.
    @Test(arguments: ["::1", "2001:db8::ff", "10.40.0.256", "10.40.0", "010.40.0.255", "++", "+ ", "none", "`id`", "auto"])
    func rejects(text: String) {
        #expect(Broadcast(ocfText: text) == nil, "\(text) must not parse")
    }
}
