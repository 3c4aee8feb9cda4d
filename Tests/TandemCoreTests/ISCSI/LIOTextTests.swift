import Testing
@testable import TandemCore

/// LIO's multi-value texts as kernel 6.1 writes them (target_core_configfs.c,
/// target_core_alua.c, iscsi_target_configfs.c).
@Suite struct LIOTextTests {
    @Test func serialAttribute() {
        #expect(LIOText.serial(fromAttribute: "T10 VPD Unit Serial Number: 9d1e5c2a00010000") == "9d1e5c2a00010000")
        #expect(LIOText.serial(fromAttribute: "abc") == "abc")
    }

    /// A LUN's `alua_tg_pt_gp`, as core_alua_show_tg_pt_gp_info writes it.
    @Test func groupAliasFromALUNsMembership() {
        let text = """
            TG Port Alias: tandem_tg2
            TG Port Group ID: 2
            TG Port Primary Access State: Active/NonOptimized
            TG Port Primary Access Status: Altered by Implicit ALUA
            TG Port Secondary Access State: Online
            TG Port Secondary Access Status: None

            """
        #expect(LIOText.groupAlias(fromMembership: text) == "tandem_tg2")
        #expect(LIOText.groupAlias(fromMembership: "") == nil)
        #expect(LIOText.groupAlias(fromMembership: "TG Port Alias: \n") == nil)
    }

    /// An ACL without a session, as captured (Tests/Fixtures/lio-lab/primitive.json).
    @Test func aclWithoutSession() {
        #expect(LIOText.sessionInitiator(fromACLInfo: "No active iSCSI Session for Initiator Endpoint: iqn.2026-01.org.tandem.lab:c1\n") == nil)
        #expect(LIOText.dynamicSessions("") == [])
    }
}
