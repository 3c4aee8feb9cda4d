import Testing
import TandemTestSupport
@testable import TandemNetwork

@Suite struct PrefixTests {
    @Test func containsAndCovers() throws {
        let net = try #require(Prefix(try addr("10.1.0.0"), length: 16))
        #expect(net.contains(try addr("10.1.200.3")))
        #expect(!net.contains(try addr("10.2.0.1")))
        #expect(net.covers(try #require(Prefix(try addr("10.1.5.0"), length: 24))))
        #expect(!net.covers(try #require(Prefix(try addr("10.0.0.0"), length: 8))))
        #expect(Prefix(try addr("10.0.0.0"), length: 33) == nil)
    }
}
