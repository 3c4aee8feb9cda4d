import Testing
import TandemCore
@testable import TandemNetwork

@Suite struct AddressLifetimeTests {
    @Test func foreverAndSeconds() {
        #expect(AddressLifetime("forever") == .forever)
        #expect(AddressLifetime("0") == .seconds(0), "0 is a deprecated address, not forever")
        #expect(AddressLifetime("3600") == .seconds(3600))
        #expect(AddressLifetime("4294967294") == .seconds(4_294_967_294), "the largest finite lifetime")
        #expect(AddressLifetime.forever.finiteSeconds == nil && AddressLifetime.seconds(0).finiteSeconds == 0)
    }

    /// 4294967295 is the kernel's "infinite": write forever for that.
    @Test(arguments: ["4294967295", "4294967296", "99999999999", "-1", "+5", "1.5", "5s", "soon", "Forever", "", " 5"])
    func rejects(text: String) {
        #expect(AddressLifetime(text) == nil, "\(text) must not parse")
    }

    @Test func asAParameterValue() {
        #expect(AddressLifetime(ocfText: "forever")?.ocfText == "forever", "the default as meta-data shows it")
        #expect(AddressLifetime(ocfText: "0")?.ocfText == "0")
        #expect(AddressLifetime.expectation == "forever or a number of seconds")
    }
}
