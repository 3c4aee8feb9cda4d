import Testing
import TandemTestSupport
@testable import drbd

@Suite struct DRBDConfigurationDumpTests {
    @Test func realDumpWithoutDualPrimary() throws {
        let dump = DRBDConfigurationDump(dump: try FixturePaths.read(FixturePaths.shared("drbd/drbdadm-dump.txt")))
        #expect(!dump.allowsTwoPrimaries)
    }

    @Test func allowTwoPrimariesSpellings() {
        #expect(DRBDConfigurationDump(dump: "net {\n  protocol C;\n  allow-two-primaries yes;\n}").allowsTwoPrimaries)
        #expect(DRBDConfigurationDump(dump: "net { \n allow-two-primaries;\n}").allowsTwoPrimaries)
        #expect(!DRBDConfigurationDump(dump: "net {\n  allow-two-primaries no;\n}").allowsTwoPrimaries)
        #expect(!DRBDConfigurationDump(dump: "# allow-two-primaries yes;\nnet { protocol C; }").allowsTwoPrimaries)
    }
}
