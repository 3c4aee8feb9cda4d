import Testing
@testable import TandemNetwork

@Suite struct PortalTests {
    @Test func forms() throws {
        #expect(Portal("192.168.10.20:3260")?.description == "192.168.10.20:3260")
        #expect(Portal("192.168.10.20")?.port == 3260)
        #expect(Portal("10.0.0.1:3261")?.port == 3261)
        #expect(Portal("[2001:db8::1]:3260")?.description == "[2001:db8::1]:3260")
        #expect(Portal("2001:db8::1")?.port == 3260, "an IPv6 address alone, port 3260")
        #expect(try #require(Portal("0.0.0.0:3260")).isWildcard)
        #expect(try #require(Portal("[::]:3260")).isWildcard)
    }

    @Test(arguments: ["", "host:3260", "1.2.3.4:0", "1.2.3.4:65536", "1.2.3.4:32x", "[1.2.3.4]:3260",
                      "[2001:db8::1]3260", "[2001:db8::1", "1.2.3.4:", "1.2.3.4:3260;id", "1.2.3.4 :3260"])
    func invalid(text: String) { #expect(Portal(text) == nil, "\(text)") }
}
