import Testing
@testable import TandemCore

/// RFC 3720 §3.2.6 names, as targets and initiators are configured.
@Suite struct ISCSINameTests {
    @Test(arguments: ["iqn.2003-01.org.linux-iscsi.s1:sn.123", "iqn.1993-08.org.debian:01:c1abcdef",
                      "iqn.2024-12.com.example", "eui.02004567A425678D", "naa.52004567BA64678D",
                      "naa.6001405ABCDEF0123456789ABCDEF012"])
    func valid(name: String) { #expect(ISCSIName(name) != nil, "\(name)") }

    @Test func invalidNamesSayWhy() {
        #expect(ISCSIName.problem("") == "is empty")
        #expect(ISCSIName.problem("IQN.2003-01.org.x") == "must be lower case")
        #expect(ISCSIName.problem("iqn.2003-01.org.Example") == "must be lower case")
        #expect(ISCSIName.problem("iqn.2003-1.org.x") == "is not iqn.YYYY-MM.<reversed domain name>[:<name>]")
        #expect(ISCSIName.problem("iqn.2003-13.org.x") == "is not iqn.YYYY-MM.<reversed domain name>[:<name>]")
        #expect(ISCSIName.problem("iqn.2003-01.:x") == "has no reversed domain name after iqn.YYYY-MM.")
        #expect(ISCSIName.problem("iqn.2003-01.org.x;reboot") == "has characters other than a-z, 0-9, '-', '.' and ':'")
        #expect(ISCSIName.problem("iqn.2003-01.org.x/../y") == "has characters other than a-z, 0-9, '-', '.' and ':'")
        #expect(ISCSIName.problem("eui.0200") == "is not eui. and 16 hex digits")
        #expect(ISCSIName.problem("naa.52004567BA64678") == "is not naa. and 16 or 32 hex digits")
        #expect(ISCSIName.problem("target0") == "does not start with iqn., eui. or naa.")
        #expect(ISCSIName.problem("iqn.2003-01.org.x:" + String(repeating: "a", count: 220)) == "is longer than 223 bytes")
        #expect(ISCSIName("eui.02004567A425678D")?.format == .eui)
    }

    /// The byte-level rules at their edges.
    @Test func edges() {
        #expect(ISCSIName("EUI.02004567A425678D")?.format == .eui)
        #expect(ISCSIName("NAA.52004567BA64678D")?.format == .naa)
        #expect(ISCSIName.problem("eui.０２００４５６７Ａ４２５６７８Ｄ") == "is not eui. and 16 hex digits")  // fullwidth digits
        #expect(ISCSIName.problem("iqn.2003-00.org.x") == "is not iqn.YYYY-MM.<reversed domain name>[:<name>]")
        #expect(ISCSIName.problem("iqn.2003-01.") == "is not iqn.YYYY-MM.<reversed domain name>[:<name>]")
        #expect(ISCSIName.problem("iqn.2003-01..org") == "has no reversed domain name after iqn.YYYY-MM.")
        #expect(ISCSIName.problem("iqn.2003-01.org.:x") == "has no reversed domain name after iqn.YYYY-MM.")
        #expect(ISCSIName.problem("iqn.2003-01.org..x") == "has no reversed domain name after iqn.YYYY-MM.")
        #expect(ISCSIName.problem("iqn.2003-01.org.x:a..b") == nil)  // dots after the colon are the target's own
        #expect(ISCSIName.problem("iqn.2003-01.org.é") == "has characters other than a-z, 0-9, '-', '.' and ':'")
        #expect(ISCSIName.problem("iqn.2003-01.org.x:A") == "must be lower case")
        #expect(ISCSIName("iqn.2003-01.org.x")?.format == .iqn)
    }
}
