import Testing
import TandemCore
import TandemTestSupport
@testable import iscsi_target

@Suite struct TargetDeclarationTests {
    @Test func metadataIsValidAndTheDeclarationSound() throws {
        #expect(TargetDeclaration.agent.declarationProblems(handled: [.start, .stop, .monitor, .reloadAgent, .promote, .demote, .notify]).isEmpty)
        let outcome = try AgentInvocation("iscsi-target").run("meta-data")
        #expect(outcome.code == 0)
        #expect(try MetadataSchemas.problems(in: outcome.stdout) == [])
    }

    /// Switching from ocf:heartbeat:iSCSITarget + iSCSILogicalUnit keeps the parameter names
    /// whose meaning is the same.
    @Test func theReplacedAgentsParameterNamesAreKept() {
        let names = Set(TargetDeclaration.agent.parameters.map(\.name))
        let iSCSITarget = ["implementation", "iqn", "tid", "portals", "allowed_initiators", "incoming_username",
                           "incoming_password", "additional_parameters"]
        let iSCSILogicalUnit = ["lun", "path", "scsi_sn", "scsi_id", "vendor_id", "product_id", "block_size",
                                "write_cache", "tgt_bstype"]
        #expect(Set(iSCSITarget + iSCSILogicalUnit).isSubset(of: names))
        #expect(TargetDeclaration.agent.parameters.filter(\.required).map(\.name) == ["iqn"])
        #expect(TargetDeclaration.incomingPassword.spec.secret)
        #expect(TargetImplementation.allCases.map(\.rawValue) == ["lio", "lio-t", "scst", "tgt", "iet"])
        #expect(TargetDeclaration.portals.spec.defaultText == "0.0.0.0:3260")
    }

    /// validate-all refuses write-back caching on a promotable target (6, not configured) with
    /// the reason, on any host: nothing is looked at or created before the parameters pass.
    @Test func validateRefusesWriteCacheOnAPromotableTarget() throws {
        var agent = AgentInvocation("iscsi-target")
        agent.instance = "p_target:0"
        agent.parameters = ["iqn": "iqn.2026-01.org.example:wc", "implementation": "scst", "luns": "0:/dev/drbd0",
                            "write_cache": "true", "alua_group_ids": "s1=1 s2=2"]
        agent.meta = ["promotable": "true", "on_node": "s1", "clone_max": "2"]
        let refused = try agent.run("validate-all")
        #expect(refused.code == 6, "\(refused)")
        #expect(refused.exitReason()?.contains("force_write_cache=true") == true, "\(refused)")
        agent.parameters["force_write_cache"] = "yes"
        #expect(try agent.run("validate-all").exitReason()?.contains("write_cache") != true)
        agent.parameters["force_write_cache"] = nil
        agent.parameters["implementation"] = "lio"  // ignores write_cache (and is not loaded on this host)
        #expect(try agent.run("validate-all").exitReason()?.contains("write_cache") != true)
    }
}
