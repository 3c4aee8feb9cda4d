import Testing
import TandemCore
@testable import drbd

/// Which state source each combination of kernel module and drbd-utils gets.
@Suite struct DRBDStateSourceTests {
    static let usrLib84 = "/usr/lib/drbd/drbdsetup-84"

    static func version(_ text: String) -> DottedVersion? { DottedVersion(text) }

    @Test(arguments: ["9.0.0", "9.2.4", "10.0"])
    func drbd9ReadsEvents2WithDrbdsetup(module: String) {
        let version = Self.version(module)
        #expect(DRBDStateSource.choose(moduleVersion: version, drbdsetup84: Self.usrLib84) == .events2(tool: "drbdsetup"))
        #expect(DRBDStateSource.choose(moduleVersion: version, drbdsetup84: nil) == .events2(tool: "drbdsetup"))
    }

    @Test func drbd9NeverLooksForDrbdsetup84() {
        var asked = false
        _ = DRBDStateSource.choose(moduleVersion: Self.version("9.2.4"), drbdsetup84: { asked = true; return nil }())
        #expect(!asked)
    }

    /// 8.4.7 is the first 8.4 kernel that answers events2; drbd-utils ≥ 8.9 brings drbdsetup-84.
    @Test(arguments: ["8.4.7", "8.4.11"])
    func drbd84WithDrbdUtils9ReadsEvents2WithDrbdsetup84(module: String) {
        let version = Self.version(module)
        #expect(DRBDStateSource.choose(moduleVersion: version, drbdsetup84: Self.usrLib84) == .events2(tool: Self.usrLib84))
        #expect(DRBDStateSource.choose(moduleVersion: version, drbdsetup84: "/lib/drbd/drbdsetup-84")
                == .events2(tool: "/lib/drbd/drbdsetup-84"))
    }

    /// An 8.4 userland (no drbdsetup-84): /proc/drbd, whatever the kernel.
    @Test(arguments: ["8.4.11", "8.4.7", "8.4.3", "8.3.16"])
    func drbd8WithoutDrbdsetup84ReadsProcDRBD(module: String) {
        #expect(DRBDStateSource.choose(moduleVersion: Self.version(module), drbdsetup84: nil) == .procDRBD)
    }

    /// A kernel older than 8.4.7 has no events2, even with drbd-utils 9 installed.
    @Test(arguments: ["8.4.6", "8.4.0", "8.3.16"])
    func drbd8BeforeEvents2ReadsProcDRBD(module: String) {
        #expect(DRBDStateSource.choose(moduleVersion: Self.version(module), drbdsetup84: Self.usrLib84) == .procDRBD)
    }

    /// A loaded module whose version cannot be read keeps the previous behaviour.
    @Test func unknownVersionReadsEvents2WithDrbdsetup() {
        #expect(DRBDStateSource.choose(moduleVersion: nil, drbdsetup84: Self.usrLib84) == .events2(tool: "drbdsetup"))
        #expect(DRBDStateSource.choose(moduleVersion: nil, drbdsetup84: nil) == .events2(tool: "drbdsetup"))
    }

    @Test func drbdsetup84IsLookedForInUsrLibThenLib() {
        #expect(DRBDStateSource.installedDrbdsetup84 { _ in true } == "/usr/lib/drbd/drbdsetup-84")
        #expect(DRBDStateSource.installedDrbdsetup84 { $0 == "/lib/drbd/drbdsetup-84" } == "/lib/drbd/drbdsetup-84")
        #expect(DRBDStateSource.installedDrbdsetup84 { _ in false } == nil)
    }

    /// This host has drbd-utils 9 installed: the real lookup finds its drbdsetup-84.
    @Test func drbdUtils9OnThisHostHasDrbdsetup84() {
        #expect(DRBDStateSource.installedDrbdsetup84() != nil)
    }
}
