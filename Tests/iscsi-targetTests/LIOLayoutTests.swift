import Testing
import TandemCore
import TandemNetwork
@testable import iscsi_target

@Suite struct LIOLayoutTests {
    static let layout = LIOLayout(resource: "p_lio", iqn: ISCSIName("iqn.2026-01.org.example:t")!)

    /// Every path is derived from the resource and the iqn, so both nodes (and stop after a
    /// crash) find the same objects; the HBA index is stable and out of targetcli's range.
    @Test func pathsComeFromTheResourceName() {
        let layout = Self.layout
        #expect(layout.hbaIndex == 1000 + LUNIdentity.fnv1a("p_lio") % 1_000_000_000)
        #expect(layout.hbaIndex >= 1000)
        #expect(layout.storageObject(3) == "core/iblock_\(layout.hbaIndex)/p_lio-lun3")
        #expect(layout.tpg == "iscsi/iqn.2026-01.org.example:t/tpgt_1")
        #expect(layout.lun(0) == "iscsi/iqn.2026-01.org.example:t/tpgt_1/lun/lun_0")
        #expect(layout.mappedLUN("iqn.2026-01.org.example:c", 2)
                == "iscsi/iqn.2026-01.org.example:t/tpgt_1/acls/iqn.2026-01.org.example:c/lun_2")
        #expect(LIOLayout(resource: "p_lio", iqn: ISCSIName("iqn.2026-01.org.example:t")!) == layout)
    }

    @Test func portalDirectoryNames() throws {
        #expect(LIOLayout.portalName(try #require(Portal("192.0.2.1"))) == "192.0.2.1:3260")
        #expect(LIOLayout.portalName(try #require(Portal("[2001:db8::1]:3261"))) == "[2001:db8::1]:3261")
        #expect(Self.layout.portal(try #require(Portal("0.0.0.0:3260"))).hasSuffix("/tpgt_1/np/0.0.0.0:3260"))
    }

    @Test func lunNames() {
        #expect(LIOLayout.lunNumber("lun_12") == 12 && LIOLayout.lunNumber("lun_x") == nil && LIOLayout.lunNumber("np") == nil)
    }
}

@Suite struct LIOALUALayoutTests {
    /// A promotable clone's TPG carries the node's group id, so the two nodes' target ports
    /// have distinct names (`<iqn>,t,0x<tag>`).
    @Test func aPromotableTPGIsTaggedWithTheGroupID() {
        let layout = LIOLayout(resource: "p_lio", iqn: ISCSIName("iqn.2026-01.org.example:t")!, tpgTag: 2)
        #expect(layout.tpg == "iscsi/iqn.2026-01.org.example:t/tpgt_2")
        #expect(layout.lun(0) == "iscsi/iqn.2026-01.org.example:t/tpgt_2/lun/lun_0")
    }
}
