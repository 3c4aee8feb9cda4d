import Testing
import TandemCore
import TandemTestSupport
@testable import lvm

@Suite struct LVMDeclarationTests {
    @Test func metadataIsValidAndTheDeclarationSound() throws {
        #expect(LVMDeclaration.agent.declarationProblems(handled: [.start, .stop, .monitor, .reloadAgent]).isEmpty)
        let outcome = try AgentInvocation("lvm").run("meta-data")
        #expect(outcome.code == 0)
        #expect(try MetadataSchemas.problems(in: outcome.stdout) == [])
    }

    /// Switching from ocf:heartbeat:LVM-activate is a one-word change: every parameter name of
    /// it is here, with its default.
    @Test func lvmActivatesParameterNames() {
        let names = LVMDeclaration.agent.parameters.map(\.name)
        #expect(names == ["vgname", "lvname", "vg_access_mode", "activation_mode", "tag", "partial_activation",
                          "degraded_activation", "majority_pvs"])
        let required = LVMDeclaration.agent.parameters.filter(\.required).map(\.name)
        #expect(required == ["vgname", "vg_access_mode"])
        #expect(AccessMode.allCases.map(\.rawValue) == ["system_id", "tagging", "lvmlockd", "clvmd"])
        #expect(LVMDeclaration.activationMode.spec.defaultText == "exclusive" && LVMDeclaration.tag.spec.defaultText == "pacemaker")
    }
}
