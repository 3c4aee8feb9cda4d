import Testing
import TandemTestSupport
@testable import TandemCore

/// How the runtime maps a monitor's failure, for every agent: a probe on a host that lacks
/// what the resource needs says "not running"; a recurring monitor never returns 6.
@Suite struct AgentMonitorFailureTests {
    struct Lost: MissingPrerequisite {}

    func context(_ action: ActionName, interval: String? = nil) -> AgentContext {
        var variables = ["OCF_RESOURCE_INSTANCE": "r"]
        if let interval { variables["OCF_RESKEY_CRM_meta_interval"] = interval }
        let declaration = AgentDeclaration(name: "t", version: "1", shortDescription: "t", longDescription: "t",
                                           parameters: [], actions: [])
        let budget = OperationBudget(timeoutMilliseconds: 1000, started: .now())
        return AgentContext(declaration: declaration, action: action, environment: OCFEnvironment(variables),
                            parameters: ParameterValues.parse(declaration, from: OCFEnvironment(variables)).values,
                            logger: TestLogger.shared,
                            budget: budget, runner: CommandRunner(budget: budget))
    }

    func code(_ error: any Error, _ action: ActionName, interval: String? = nil) -> OCFExitCode {
        Agent<AgentContext>.failure(for: error, in: context(action, interval: interval)).code
    }

    @Test func aProbeWithoutItsPrerequisitesSaysNotRunning() {
        #expect(code(OCFFailure(.notInstalled, "no drbdsetup"), .monitor) == .notRunning)
        #expect(code(OCFFailure(.notConfigured, "bad"), .monitor) == .notRunning)
        #expect(code(Lost(), .monitor) == .notRunning)
        #expect(code(CommandError.notFound("drbdadm"), .monitor) == .notRunning)
        #expect(code(OCFFailure(.genericError, "broken"), .monitor) == .genericError, "a real failure stays one")
    }

    @Test func aRecurringMonitorNeverReturnsNotConfigured() {
        #expect(code(OCFFailure(.notConfigured, "bad"), .monitor, interval: "10000") == .genericError)
        #expect(code(OCFFailure(.notInstalled, "gone"), .monitor, interval: "10000") == .notInstalled)
        #expect(code(Lost(), .monitor, interval: "10000") == .genericError)
    }

    @Test func otherActionsKeepTheirCodes() {
        #expect(code(OCFFailure(.notConfigured, "bad"), .start) == .notConfigured)
        #expect(code(OCFFailure(.notInstalled, "gone"), .start) == .notInstalled)
        #expect(code(CommandError.notFound("drbdadm"), .stop) == .notInstalled)
    }
}
