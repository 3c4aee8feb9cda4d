import Testing
import TandemCore
@testable import TandemNetwork

@Suite struct PrefixLengthTests {
    @Test(arguments: [("1", 1), ("24", 24), ("32", 32), ("64", 64), ("128", 128)])
    func numbers(text: String, bits: Int) throws {
        let length = try #require(PrefixLength(text))
        #expect(length.bits == bits && !length.isDottedMask)
        #expect(length.description == text, "quoted as written")
    }

    @Test(arguments: [("255.255.255.0", 24), ("255.255.255.255", 32), ("255.255.128.0", 17), ("128.0.0.0", 1),
                      ("255.255.255.254", 31)])
    func contiguousDottedMasks(text: String, bits: Int) throws {
        let length = try #require(PrefixLength(text))
        #expect(length.bits == bits && length.isDottedMask)
        #expect(length.description == text, "quoted as written")
    }

    /// /0 and dotted 0.0.0.0 would cover everything; non-contiguous masks, leading zeros,
    /// signs, spaces and IPv6 masks are no prefix length at all.
    @Test(arguments: ["0", "129", "024", "-1", "+24", "24 ", " 24", "", "abc", "1000", "255.0.255.0", "255.255.0.255",
                      "0.0.0.0", "255.255.255.1", "255.255.256.0", "255.255.255.00", "24;ls", "ffff:ffff::", "/24"])
    func rejects(text: String) {
        #expect(PrefixLength(text) == nil, "\(text) must not parse")
    }

    /// The family rule needs the address, so it is a separate question.
    @Test func fitsAFamily() throws {
        let v4 = try #require(PrefixLength("32")), v6Only = try #require(PrefixLength("33"))
        let dotted = try #require(PrefixLength("255.255.0.0"))
        #expect(v4.fits(.ipv4) && v4.fits(.ipv6))
        #expect(!v6Only.fits(.ipv4) && v6Only.fits(.ipv6), "/33 is too long for IPv4")
        #expect(dotted.fits(.ipv4) && !dotted.fits(.ipv6), "a dotted mask is IPv4 only")
        #expect(PrefixLength(bits: 0) == nil && PrefixLength(bits: 129) == nil)
    }

    @Test func asAParameterValue() {
        #expect(PrefixLength(ocfText: "255.255.255.0")?.ocfText == "255.255.255.0")
        #expect(PrefixLength.contentType == .string, "a dotted mask is a valid value too")
        #expect(PrefixLength.expectation == "a prefix length (1 to 128) or a contiguous dotted mask")
    }
}
