import Testing
@testable import TandemCore

@Suite struct WordListTests {
    enum Mode: String, OCFEnumeration { case fast, safe }

    @Test func parsesEveryWordOnceIntoItsType() throws {
        let numbers = try #require(WordList<Int>(ocfText: " 3\t1  2\n"))
        #expect(Array(numbers) == [3, 1, 2])
        #expect(numbers.ocfText == "3 1 2")
        #expect(WordList<Int>(ocfText: "")?.isEmpty == true, "an empty text is an empty list")
        #expect(WordList<Mode>(ocfText: "safe fast").map(Array.init) == [.safe, .fast])
    }

    @Test func oneBadWordRefusesTheWholeText() {
        #expect(WordList<Int>(ocfText: "1 two 3") == nil)
        #expect(WordList<Mode>(ocfText: "fast reckless") == nil)
        #expect(WordList<Int>.expectation == "a space-separated list, each an integer")
    }

    /// Through the declaration, as an agent reads it: the exit reason names the parameter.
    @Test func readsThroughAParameterDeclaration() {
        let ports = OptionalParameter<WordList<Int>>("ports", short: "Ports", long: "Ports to listen on.")
        let declaration = AgentDeclaration(name: "t", version: "1", shortDescription: "t", longDescription: "t",
                                           parameters: [ports.spec], actions: [])
        let good = ParameterValues.parse(declaration, from: OCFEnvironment(["OCF_RESKEY_ports": "3260 3261"]))
        #expect(good.problems.isEmpty)
        #expect(good.values[ports].map(Array.init) == [3260, 3261])
        let bad = ParameterValues.parse(declaration, from: OCFEnvironment(["OCF_RESKEY_ports": "3260 iscsi"]))
        #expect(bad.problems.first?.description == "ports=\"3260 iscsi\" is not a space-separated list, each an integer")
    }
}
