import Testing
import TandemCore
import TandemTestSupport
@testable import lvm

/// Which DRBD devices under a VG are Secondary on this node: lvm's start refuses those.
struct DRBDBelowTests {
    @Test func drbdMinorsOfDevices() {
        #expect(DRBDBelow.minor(of: "/dev/drbd0") == 0)
        #expect(DRBDBelow.minor(of: "/dev/drbd12") == 12)
        #expect(DRBDBelow.minor(of: "/dev/vdb") == nil)
    }

    /// DRBD 8.4 (the lab's real captures, one node Primary, the other Secondary): /proc/drbd
    /// tells without a process.
    @Test func secondaryFromProcDRBD() {
        let runner = TestCommands.runner()
        let primary = FixturePaths.project("drbd-lab/connected/s1.proc-drbd.txt")
        let secondary = FixturePaths.project("drbd-lab/connected/s2.proc-drbd.txt")
        #expect(DRBDBelow.secondaryMinors(among: ["/dev/drbd0"], runner: runner, procDRBD: primary) == [])
        #expect(DRBDBelow.secondaryMinors(among: ["/dev/drbd0"], runner: runner, procDRBD: secondary) == [0])
        #expect(DRBDBelow.secondaryMinors(among: ["/dev/vdb"], runner: runner, procDRBD: secondary) == nil,
                "no DRBD device under the group: nothing to check")
    }

    /// DRBD 9 lists no minors in /proc/drbd: the roles come from events2 (here drbd-utils 9's
    /// real events2 of the lab's 8.4 nodes, and the DRBD 9 samples).
    @Test func rolesFromEvents2() throws {
        let s1 = try FixturePaths.read(FixturePaths.project("drbd-lab/connected/s1.events2.txt"))
        let s2 = try FixturePaths.read(FixturePaths.project("drbd-lab/connected/s2.events2.txt"))
        #expect(DRBDBelow.roles(events2: s1) == [0: .primary])
        #expect(DRBDBelow.roles(events2: s2) == [0: .secondary])
        let target = try FixturePaths.read(FixturePaths.project("drbd9/handwritten-resync-target.events2.txt"))
        #expect(DRBDBelow.roles(events2: target)?[1000] == .secondary)
        #expect(DRBDBelow.roles(events2: "exists resource name:r0 role:Primary\n") == nil, "truncated: unknown, not Primary")
    }

    /// On this host DRBD's module is not loaded: drbdsetup cannot tell, so nothing is refused for
    /// a role nobody knows (the VG's own visibility decides).
    @Test func drbd9WithoutAnAnswerIsUnknown() {
        let drbd9 = FixturePaths.project("drbd84/handwritten-proc-drbd9.txt")
        #expect(DRBDBelow.secondaryMinors(among: ["/dev/drbd0"], runner: TestCommands.runner(), procDRBD: drbd9) == nil)
    }
}
