import Testing
import TandemCore
@testable import drbd

/// On DRBD 8.4 the state is read with drbdsetup-84 directly (drbd-utils 9's drbdsetup would
/// only re-execute it): one exec per monitor instead of two (measured in the lab).
@Suite struct DRBDSetupToolTests {
    @Test func drbd84RunsDrbdsetup84Directly() throws {
        let v84 = try #require(DottedVersion("8.4.11"))
        #expect(DRBDControl.drbdsetup(moduleVersion: v84) { _ in true } == "/usr/lib/drbd/drbdsetup-84")
        #expect(DRBDControl.drbdsetup(moduleVersion: v84) { $0 == "/lib/drbd/drbdsetup-84" } == "/lib/drbd/drbdsetup-84")
        #expect(DRBDControl.drbdsetup(moduleVersion: v84) { _ in false } == "drbdsetup")
    }

    @Test func drbd9AndUnknownVersionsUseDrbdsetup() throws {
        #expect(DRBDControl.drbdsetup(moduleVersion: DottedVersion(components: [9, 2, 4])) { _ in true } == "drbdsetup")
        #expect(DRBDControl.drbdsetup(moduleVersion: nil) { _ in true } == "drbdsetup")
    }
}
