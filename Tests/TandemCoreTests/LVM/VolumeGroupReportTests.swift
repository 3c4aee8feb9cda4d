import Testing
import TandemTestSupport
@testable import TandemCore

/// `lvs --nameprefixes` as LVM 2.03.16 prints it (captured on this host, real LVM on a loop device).
@Suite struct VolumeGroupReportTests {
    @Test func readsTheCapturedReport() throws {
        let text = try FixturePaths.read(FixturePaths.project("lvm/lvs-nameprefixes-my-vg.txt"))
        let rows = LVMReport.rows(text)
        #expect(rows.count == 2, "the comment lines are not rows")
        let report = try #require(VolumeGroupReport(rows: rows, name: "my-vg"))
        #expect(report.id.text == "Ycce1qc30itq30MnHBHT3pvaSA1T7gzj")
        #expect(report.systemID == "nodeB" && report.lockType.isEmpty && report.tags == ["pacemaker"])
        #expect(report.logicalVolumes.map(\.name) == ["data-1", "two"])
        #expect(report.logicalVolumes.first?.id.text == "8D3Kkxq1TY5Kay9w13KjhR9THEv0YIhq")
        #expect(report.devices == ["/dev/loop0"])
        #expect(report.autoactivation && report.missingPhysicalVolumes == 0)
        #expect(!report.isShared && !report.isClustered && !report.isExported && !report.isPartial)
        #expect(VolumeGroupReport(rows: rows, name: "other") == nil)
    }

    @Test func attributesAndLists() throws {
        let line = "  LVM2_VG_NAME='shvg' LVM2_VG_UUID='Ycce1q-c30i-tq30-MnHB-HT3p-vaSA-1T7gzj' LVM2_VG_SYSTEMID='' "
            + "LVM2_VG_LOCK_TYPE='dlm' LVM2_VG_TAGS='a,b' LVM2_VG_ATTR='wz-pns' LVM2_VG_MISSING_PV_COUNT='1' "
            + "LVM2_VG_AUTOACTIVATION='' LVM2_LV_NAME='lv' LVM2_LV_UUID='8D3Kkx-q1TY-5Kay-9w13-KjhR-9THE-v0YIhq' "
            + "LVM2_DEVICES='/dev/drbd0(0),/dev/drbd1(12)'"
        let report = try #require(VolumeGroupReport(rows: LVMReport.rows(line), name: "shvg"))
        #expect(report.isShared && report.isPartial && !report.autoactivation && report.missingPhysicalVolumes == 1)
        #expect(report.tags == ["a", "b"] && report.devices == ["/dev/drbd0", "/dev/drbd1"])
    }

    @Test func valuesMayHoldQuotesAndBlanks() {
        let row = LVMReport.rows("  LVM2_A='it''s' LVM2_B='x y' LVM2_C=''")
        #expect(row == [["a": "it''s", "b": "x y", "c": ""]])
        #expect(LVMReport.rows("  WARNING: something\n").isEmpty)
    }
}
