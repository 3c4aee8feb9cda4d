import Testing
import TandemTestSupport
@testable import TandemNetwork

@Suite struct IPAddressTests {
    @Test(arguments: [
        ("192.168.1.10", "192.168.1.10"), ("0.0.0.0", "0.0.0.0"), ("255.255.255.255", "255.255.255.255"),
        ("100.10.9.0", "100.10.9.0"), ("10.0.2.15", "10.0.2.15"), ("::ffff:100.10.9.0", "::ffff:100.10.9.0"),
        ("2001:db8::1", "2001:db8::1"), ("2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"),
        ("::", "::"), ("::1", "::1"), ("1::", "1::"), ("FE80::A:B", "fe80::a:b"),
        ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),        // RFC 5952 4.2.3: the first of equal runs
        ("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"),     // RFC 5952 4.2.2: one zero group stays
        ("2001:0:0:1:0:0:0:1", "2001:0:0:1::1"),              // the longest run
        ("::ffff:192.0.2.1", "::ffff:192.0.2.1"), ("64:ff9b::192.0.2.33", "64:ff9b::c000:221"),
        ("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"),
    ])
    func parsesAndFormats(text: String, canonical: String) throws {
        let address = try #require(IPAddress(text))
        #expect(address.description == canonical)
        #expect(IPAddress(canonical) == address)
    }

    @Test(arguments: [
        "", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.-4", "1.2.3.4 ", " 1.2.3.4", "1..2.3", "a.b.c.d",
        "1.2.3.4;reboot", "$(id)", "1.2.3.4/24", ":::", "1:::2", "1::2::3", "12345::", "g::1", "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7", ":1::", "1::2:", "fe80::1%eth0", "[::1]", "::1.2.3", "1.2.3.4::", "::+1", "１.2.3.4",
    ])
    func rejects(text: String) {
        #expect(IPAddress(text) == nil, "\(text) must not parse")
    }

    @Test func classification() throws {
        #expect(try addr("fe80::1").isIPv6LinkLocal)
        #expect(try addr("febf::1").isIPv6LinkLocal)
        #expect(try !addr("fec0::1").isIPv6LinkLocal)
        #expect(try addr("127.0.0.3").isLoopback)
        #expect(try addr("::1").isLoopback)
        #expect(try addr("239.1.1.1").isMulticast)
        #expect(try addr("ff02::1").isMulticast)
        #expect(try addr("::").isUnspecified)
        #expect(try addr("255.255.255.255").isLimitedBroadcast)
    }

    @Test func maskingAndBroadcast() throws {
        let address = try addr("192.168.77.130")
        #expect(address.masked(to: 24).description == "192.168.77.0")
        #expect(address.masked(to: 25).description == "192.168.77.128")
        #expect(address.withHostBitsSet(after: 24).description == "192.168.77.255")
        #expect(address.withHostBitsSet(after: 20).description == "192.168.79.255")
        #expect(address.masked(to: 0).description == "0.0.0.0")
        #expect(address.masked(to: 32) == address)
        let v6 = try addr("2001:db8:1:2:3:4:5:6")
        #expect(v6.masked(to: 64).description == "2001:db8:1:2::")
        #expect(v6.masked(to: 60).description == "2001:db8:1::")
        #expect(v6.shares(prefixLength: 48, with: try addr("2001:db8:1:ffff::")))
        #expect(!v6.shares(prefixLength: 48, with: address))
    }
}
