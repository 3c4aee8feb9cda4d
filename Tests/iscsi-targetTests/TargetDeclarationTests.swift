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
}
