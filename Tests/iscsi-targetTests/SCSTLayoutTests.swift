import Testing
import TandemCore
@testable import iscsi_target

@Suite struct SCSTLayoutTests {
    static let layout = SCSTLayout(resource: "p_scst", iqn: ISCSIName("iqn.2026-01.org.example:t")!)

    /// Every name is derived from the resource and the iqn, so stop and monitor find exactly
    /// the resource's objects (also after a crash mid-start), and never another's.
    @Test func namesComeFromTheResource() {
        let layout = Self.layout
        #expect(layout.device(3) == "devices/p_scst-lun3")
        #expect(layout.target == "targets/iscsi/iqn.2026-01.org.example:t")
        #expect(layout.group == "targets/iscsi/iqn.2026-01.org.example:t/ini_groups/allowed")
        #expect(layout.targetGroup(2) == "device_groups/p_scst/target_groups/tandem_tg2")
        #expect(layout.remoteMember(2) == "remote_tg2")
        #expect(layout.isOwnDevice("p_scst-lun0") && layout.isOwnDevice("p_scst-lun16383"))
        for other in ["p_scst-lun", "p_scst-lun0-lun1", "p_scst-lunx", "p_scst2-lun0", "q_scst-lun0", "p_scst-lun-1"] {
            #expect(!layout.isOwnDevice(other), "\(other)")
        }
    }

    /// The NAA id is LIO's (company id 001405, then the serial's first 25 hex digits), so the
    /// client's WWID (`3` + the NAA id) is the same whichever backend exports the LUN; sysfs
    /// shows it with `0x`, as captured from SCST in the lab.
    @Test func naaIDMatchesLIOsWWID() {
        #expect(SCSTLayout.naaID(serial: "aabbccddeeff0011") == "6001405aabbccddeeff0011000000000")
        #expect(SCSTLayout.naaID(serial: "AB-cd") == "6001405abcd000000000000000000000", "non-hex skipped, lower case")
        #expect(SCSTLayout.naaID(serial: String(repeating: "1", count: 30)).count == 32)
        #expect(SCSTLayout.naaID(fromAttribute: "0x6001405aabbccddeeff0011000000000") == "6001405aabbccddeeff0011000000000")
        #expect(SCSTLayout.naaID(fromAttribute: "") == "")
    }
}
