import Testing
@testable import TandemNetwork

@Suite struct PrefixTests {
    @Test func lengthsAndDottedMasks() {
        #expect(Prefix.parseLength("24", family: .ipv4)! == (24, false))
        #expect(Prefix.parseLength("32", family: .ipv4)! == (32, false))
        #expect(Prefix.parseLength("64", family: .ipv6)! == (64, false))
        #expect(Prefix.parseLength("128", family: .ipv6)! == (128, false))
        #expect(Prefix.parseLength("255.255.255.0", family: .ipv4)! == (24, true))
        #expect(Prefix.parseLength("255.255.255.255", family: .ipv4)! == (32, true))
        #expect(Prefix.parseLength("255.255.128.0", family: .ipv4)! == (17, true))
        #expect(Prefix.parseLength("128.0.0.0", family: .ipv4)! == (1, true))
    }

    @Test(arguments: ["0", "33", "024", "-1", "+24", "24 ", "", "abc", "255.0.255.0", "0.0.0.0", "255.255.255.1",
                      "255.255.256.0", "24;ls", "ffff:ffff::"])
    func rejectsForIPv4(text: String) {
        #expect(Prefix.parseLength(text, family: .ipv4) == nil)
    }

    @Test func ipv6RejectsDottedAndTooLong() {
        #expect(Prefix.parseLength("255.255.255.0", family: .ipv6) == nil)
        #expect(Prefix.parseLength("129", family: .ipv6) == nil)
    }

    @Test func containsAndCovers() throws {
        let net = try #require(Prefix(try addr("10.1.0.0"), length: 16))
        #expect(net.contains(try addr("10.1.200.3")))
        #expect(!net.contains(try addr("10.2.0.1")))
        #expect(net.covers(try #require(Prefix(try addr("10.1.5.0"), length: 24))))
        #expect(!net.covers(try #require(Prefix(try addr("10.0.0.0"), length: 8))))
        #expect(Prefix(try addr("10.0.0.0"), length: 33) == nil)
    }
}
