import Glibc
import Testing
import TandemCore
import TandemTestSupport
@testable import tandem

/// `tandem status` reads every LIO and SCST target from configfs and sysfs as captured from
/// the lab's 6.1 kernel (Tests/Fixtures/lio-lab, scst-lab: the iscsi-target agent's targets
/// as a primitive, unpromoted and promoted), rebuilt in a temporary directory.
@Suite struct LocalTargetTests {
    static let lioIQN = "iqn.2026-01.org.tandem.lab:capture"
    static let scstIQN = "iqn.2026-01.org.tandem.lab:capture-scst"
    static let serial = "a0cadbac8f5a0000"

    static func lio(_ name: String) throws -> [LocalTarget] {
        let tree = try CapturedTree.lio(name)
        defer { tree.remove() }
        return LocalTarget.all(lio: AttributeTree(root: tree.root), scst: AttributeTree(root: tree.root + "/none"))
    }

    static func scst(_ name: String) throws -> [LocalTarget] {
        let tree = try CapturedTree.scst(name)
        defer { tree.remove() }
        return LocalTarget.all(lio: AttributeTree(root: tree.root + "/none"), scst: AttributeTree(root: tree.root))
    }

    @Test func lioPromotedTargetWithItsGroup() throws {
        let targets = try Self.lio("promoted")
        #expect(targets.count == 1)
        let target = try #require(targets.first)
        #expect(target.backend == .lio && target.iqn == Self.lioIQN && target.portalGroup == 1 && target.enabled)
        #expect(target.portals == ["0.0.0.0:3260"] && target.sessions.isEmpty)
        #expect(target.luns == [LocalTarget.LUN(number: 0, device: "/dev/drbd0", serial: Self.serial, groups: [
            LocalTarget.PortGroup(name: "tandem_tg1", id: 1, state: .activeOptimized, preferred: true, local: true)])])
        #expect(TargetProblems(targets).all.isEmpty)
    }

    @Test func lioUnpromotedTarget() throws {
        let group = try #require(try Self.lio("unpromoted").first?.luns.first?.groups.first)
        #expect(group == LocalTarget.PortGroup(name: "tandem_tg1", id: 1, state: .activeNonOptimized, preferred: false, local: true))
    }

    /// A primitive: its LUN stays in LIO's default group, which says nothing and is not shown;
    /// c1's ACL has no session (the kernel's "No active iSCSI Session" text).
    @Test func lioPrimitiveWithoutGroupsOrSessions() throws {
        let target = try #require(try Self.lio("primitive").first)
        #expect(target.luns.map(\.groups) == [[]])
        #expect(target.luns.map(\.device) == ["/dev/drbd0"])
        #expect(target.sessions.isEmpty)
    }

    /// SCST shows both nodes' groups of the device group: this node's (the target is in it)
    /// and the peer's (a `remote_tg` entry).
    @Test func scstPromotedTargetWithBothGroups() throws {
        let target = try #require(try Self.scst("promoted").first)
        #expect(target.backend == .scst && target.iqn == Self.scstIQN && target.portalGroup == nil && target.enabled)
        #expect(target.luns == [LocalTarget.LUN(number: 0, device: "/dev/drbd0", serial: Self.serial, groups: [
            LocalTarget.PortGroup(name: "tandem_tg1", id: 1, state: .activeOptimized, preferred: true, local: true),
            LocalTarget.PortGroup(name: "tandem_tg2", id: 2, state: .activeNonOptimized, preferred: false, local: false)])])
    }

    @Test func scstUnpromotedTarget() throws {
        let groups = try #require(try Self.scst("unpromoted").first?.luns.first?.groups)
        #expect(groups.map(\.state) == [.activeNonOptimized, .activeOptimized])
        #expect(groups.map(\.local) == [true, false])
    }

    /// The primitive's LUN is in the initiator group `allowed` (allowed_initiators), not the default set.
    @Test func scstPrimitiveLUNInItsInitiatorGroup() throws {
        let target = try #require(try Self.scst("primitive").first)
        #expect(target.luns.map(\.number) == [0] && target.luns.first?.device == "/dev/drbd0")
        #expect(target.luns.first?.serial == Self.serial && target.luns.first?.groups == [])
    }

    /// Targets targetcli makes with names the agent would refuse are shown too; a storage object
    /// whose udev_path is empty shows the UDEV PATH of its info, and one without either its name.
    @Test func foreignNamesAndObjectsWithoutUdevPath() throws {
        let tree = try CapturedTree.lio("primitive")
        defer { tree.remove() }
        let iscsi = tree.root + "/iscsi"
        #expect(rename(iscsi + "/" + Self.lioIQN, iscsi + "/iqn.2003-01.com.x:DB_1") == 0)
        #expect(mkdir(iscsi + "/discovery_auth", 0o755) == 0)
        let object = tree.root + "/core/iblock_549940058/p_capture-lun0"
        #expect(truncate(object + "/udev_path", 0) == 0)
        let fromInfo = LocalTarget.all(lio: AttributeTree(root: tree.root), scst: AttributeTree(root: tree.root + "/none"))
        #expect(fromInfo.map(\.iqn) == ["iqn.2003-01.com.x:DB_1"])
        #expect(fromInfo.first?.luns.first?.device == "/dev/drbd0")
        #expect(unlink(object + "/info") == 0)
        let named = LocalTarget.all(lio: AttributeTree(root: tree.root), scst: AttributeTree(root: tree.root + "/none"))
        #expect(named.first?.luns.first?.device == "core/iblock_549940058/p_capture-lun0")
        #expect(TargetProblems(named).all.isEmpty, "a LUN on an object without a path is no problem")
    }

    @Test func noTargetWithoutTheTrees() {
        #expect(LocalTarget.all(lio: AttributeTree(root: "/nonexistent/target"), scst: AttributeTree(root: "/nonexistent/scst_tgt")).isEmpty)
    }

    /// Problems: a disabled target, a LUN whose device is gone, a group stuck transitioning.
    @Test func problemsOfTargets() throws {
        let target = try #require(try Self.lio("promoted").first)
        let broken = LocalTarget(backend: .lio, iqn: target.iqn, portalGroup: 1, enabled: false, portals: [],
                                 luns: [LocalTarget.LUN(number: 0, device: nil, serial: "", groups: []),
                                        LocalTarget.LUN(number: 1, device: "/dev/vg/l1", serial: "s", groups: [
                                            LocalTarget.PortGroup(name: "tg", id: 1, state: .transitioning, preferred: false, local: true),
                                            LocalTarget.PortGroup(name: "peer", id: 2, state: .transitioning, preferred: false, local: false)])],
                                 sessions: [])
        let report = StatusReport(cluster: nil, clusterError: nil, local: StatusReport.LocalState(
            nodeName: "s1", drbd: .notLoaded, volumeGroups: [], targets: [broken]))
        #expect(report.problems.map(\.message) == [
            "LUN 0 of \(target.iqn) (tpg 1) has no backing device",
            "LIO target \(target.iqn) (tpg 1) is disabled: no initiator can log in",
            "LUN 1 of \(target.iqn) (tpg 1): this node's port group tg is transitioning (I/O through its paths waits or fails)"])
        #expect(report.exitCode == 2)
    }

    @Test func textShowsEachTargetAndLUN() throws {
        let targets = try Self.lio("promoted") + Self.scst("promoted")
        let report = StatusReport(cluster: nil, clusterError: nil, local: StatusReport.LocalState(
            nodeName: "s1", drbd: .notLoaded, volumeGroups: [], targets: targets))
        let text = StatusText(report: report, terminal: .plain).render()
        #expect(text.contains("iSCSI targets on s1"))
        #expect(text.contains("  LIO \(Self.lioIQN) (tpg 1)  enabled  portals 0.0.0.0:3260  no session"))
        #expect(text.contains("    LUN 0  /dev/drbd0  serial \(Self.serial)  tandem_tg1 (1) active/optimized preferred, here"))
        #expect(text.contains("tandem_tg1 (1) active/optimized preferred, here; tandem_tg2 (2) active/non-optimized"))
    }
}
