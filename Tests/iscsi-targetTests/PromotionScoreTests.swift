import Testing
@testable import TandemCore
import TandemTestSupport
@testable import iscsi_target

/// The promotion score a promotable target publishes: a constant while the whole target runs
/// and every LUN's device exists; none for a partial target or a lost device, so that
/// Pacemaker promotes the other node.
@Suite struct PromotionScoreTests {
    static func agent(luns: String) throws -> ISCSITargetAgent {
        let variables = ["OCF_RESOURCE_INSTANCE": "p_target:0", "OCF_RESKEY_iqn": "iqn.2026-01.org.example:score",
                         "OCF_RESKEY_implementation": "lio", "OCF_RESKEY_luns": luns,
                         "OCF_RESKEY_alua_group_ids": "s1=1 s2=2", "OCF_RESKEY_CRM_meta_promotable": "true",
                         "OCF_RESKEY_CRM_meta_notify": "true", "OCF_RESKEY_CRM_meta_on_node": "s1",
                         "OCF_RESKEY_CRM_meta_clone_max": "2"]
        let environment = OCFEnvironment(variables)
        let budget = OperationBudget(timeoutMilliseconds: 1000, started: .now())
        let context = AgentContext(declaration: TargetDeclaration.agent, action: .monitor, environment: environment,
                                   parameters: ParameterValues.parse(TargetDeclaration.agent, from: environment).values,
                                   logger: TestLogger.shared, budget: budget, runner: CommandRunner(budget: budget))
        return try ISCSITargetAgent(context)
    }

    static let running = TargetState(enabled: true, luns: [], openToAll: true, initiators: [], incomingUsers: [], sessions: 0)

    @Test func aWholeTargetOnExistingDevicesScoresAConstant() throws {
        let agent = try Self.agent(luns: "0:/dev/null")  // a path that exists on every host
        #expect(agent.score(for: TargetObservation(state: Self.running, backend: nil, problems: [])) == .set(100))
    }

    @Test func aLostDeviceOrAPartialTargetRemovesTheScore() throws {
        let lost = try Self.agent(luns: "0:/dev/tandem-test-no-such-device")
        #expect(lost.score(for: TargetObservation(state: Self.running, backend: nil, problems: [])) == .remove)
        let agent = try Self.agent(luns: "0:/dev/null")
        #expect(agent.score(for: TargetObservation(state: Self.running, backend: nil, problems: ["LUN 0 is not exported"])) == .remove)
        #expect(agent.score(for: TargetObservation(state: nil, backend: nil, problems: [])) == .remove)
    }
}
