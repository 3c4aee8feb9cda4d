import Testing
import TandemCore
import TandemTestSupport
@testable import tandem

/// LVM activation from a /sys/block tree laid out as the kernel does (dm/name, dm/uuid,
/// dm/suspended, holders/): this machine's kernel has no device-mapper to read.
@Suite struct ActiveVolumeGroupTests {
    static let vg = String(repeating: "A", count: 32)

    static func device(_ root: String, _ kernel: String, name: String, uuid: String, suspended: Bool) throws {
        let dm = "\(root)/\(kernel)/dm"
        try FileContents.makeDirectory("\(root)/\(kernel)")
        try FileContents.makeDirectory(dm)
        try FileContents.makeDirectory("\(root)/\(kernel)/holders")
        try FileContents.writeAtomically(dm + "/name", Array((name + "\n").utf8))
        try FileContents.writeAtomically(dm + "/uuid", Array((uuid + "\n").utf8))
        try FileContents.writeAtomically(dm + "/suspended", Array((suspended ? "1\n" : "0\n").utf8))
    }

    @Test func groupsLogicalVolumesAndFlagsSuspended() throws {
        let root = try TestCommands.temporaryDirectory("sysblock")
        defer { TestCommands.removeDirectory(root) }
        try Self.device(root, "dm-0", name: "vg0-lun0", uuid: "LVM-\(Self.vg)\(String(repeating: "B", count: 32))", suspended: false)
        try Self.device(root, "dm-1", name: "vg0-lun1", uuid: "LVM-\(Self.vg)\(String(repeating: "C", count: 32))", suspended: true)
        try Self.device(root, "dm-2", name: "mpatha", uuid: "mpath-3600", suspended: false)
        let groups = ActiveVolumeGroup.groups(from: DeviceMapperDevice.all(in: AttributeTree(root: root)))
        #expect(groups.map(\.name) == ["vg0"])
        #expect(groups.first?.volumes.map(\.name) == ["lun0", "lun1"])
        #expect(groups.first?.volumes.map(\.suspended) == [false, true])
        let report = StatusReport(cluster: nil, clusterError: nil, local: StatusReport.LocalState(
            nodeName: "san1", drbd: .notLoaded, volumeGroups: groups))
        #expect(report.problems == [Problem(severity: .error, subject: "lvm:vg0",
                                            message: "vg0/lun1 (/dev/dm-1) is suspended: I/O to it waits")])
        #expect(report.exitCode == 2)
    }
}
