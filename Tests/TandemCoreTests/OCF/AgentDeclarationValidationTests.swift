import Testing
@testable import TandemCore

@Suite struct AgentDeclarationValidationTests {
    func declaration(parameters: [ParameterSpec], actions: [ActionSpec]) -> AgentDeclaration {
        AgentDeclaration(name: "t", version: "1", shortDescription: "s", longDescription: "l",
                         parameters: parameters, actions: actions)
    }

    let basicActions = [ActionSpec(.start, timeout: 20), ActionSpec(.stop, timeout: 20),
                        ActionSpec(.monitor, timeout: 20, interval: 10), ActionSpec(.metaData, timeout: 5)]
    let parameter = OptionalParameter<String>("p", short: "p", long: "p").spec

    @Test func soundDeclarationHasNoProblems() {
        let sound = declaration(parameters: [parameter], actions: basicActions)
        #expect(sound.declarationProblems(handled: [.start, .stop, .monitor]).isEmpty)
    }

    @Test func duplicateParameterIsFound() {
        let problems = declaration(parameters: [parameter, parameter], actions: basicActions).declarationProblems()
        #expect(problems.contains("parameter p is declared twice"))
    }

    @Test func invalidDefaultIsFound() {
        let bad = Parameter<Int>("n", default: 0, range: 1...5, short: "n", long: "n").spec
        let problems = declaration(parameters: [bad], actions: basicActions).declarationProblems()
        #expect(problems.contains { $0.hasPrefix("default of n is invalid") })
    }

    @Test func allowedValuesMustIncludeTheDefault() {
        let bad = Parameter<String>("m", default: "c", allowed: ["a", "b"], short: "m", long: "m").spec
        let problems = declaration(parameters: [bad], actions: basicActions).declarationProblems()
        #expect(problems.contains { $0.hasPrefix("default of m is invalid") })
    }

    @Test func monitorsPerRoleNeedDistinctIntervals() {
        let actions = basicActions + [ActionSpec(.monitor, timeout: 20, interval: 10, role: .promoted),
                                      ActionSpec(.promote, timeout: 10), ActionSpec(.demote, timeout: 10)]
        let problems = declaration(parameters: [parameter], actions: actions).declarationProblems()
        #expect(problems.contains { $0.hasPrefix("recurring monitors need distinct intervals") })
    }

    @Test func mandatoryActionsAndHandlersAreChecked() {
        let actions = [ActionSpec(.start, timeout: 20), ActionSpec(.metaData, timeout: 5), ActionSpec(.promote, timeout: 5)]
        let problems = declaration(parameters: [parameter], actions: actions).declarationProblems(handled: [.start, .reload])
        #expect(problems.contains("mandatory action stop is not declared"))
        #expect(problems.contains("mandatory action monitor is not declared"))
        #expect(problems.contains("promote and demote come together"))
        #expect(problems.contains("action promote is declared but has no handler"))
        #expect(problems.contains("action reload has a handler but is not declared"))
    }

    @Test func noParametersIsAProblem() {
        #expect(declaration(parameters: [], actions: basicActions).declarationProblems()
            .contains { $0.contains("at least one parameter") })
    }
}
