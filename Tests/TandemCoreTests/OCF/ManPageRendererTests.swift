import Testing
import TandemTestSupport
@testable import TandemCore

@Suite struct ManPageRendererTests {
    @Test func rendersEveryParameterAndActionAndGroffAcceptsIt() throws {
        let page = ManPageRenderer.render(MetadataRendererTests.tricky)
        #expect(page.hasPrefix(".TH OCF_TANDEM_TRICKY 7"))
        for parameter in MetadataRendererTests.tricky.parameters {
            #expect(page.contains(".B \(ManPageRenderer.escape(parameter.name))\n"))
        }
        #expect(page.contains("Allowed values: a, b&c."))
        #expect(page.contains("params ip=\\&..."))
        // groff with all warnings: no complaints about the generated roff.
        let result = try TestCommands.run("groff", ["-man", "-Tutf8", "-ww", "-z"], input: page)
        #expect(result.succeeded && result.stderrText.isEmpty, "\(result.stderrText)")
    }

    @Test func escapesRoffControlCharacters() {
        #expect(ManPageRenderer.escape(".start") == "\\&.start")
        #expect(ManPageRenderer.escape("a\\b") == "a\\eb")
        #expect(ManPageRenderer.escape("x\n'y") == "x\n\\&'y")
        #expect(ManPageRenderer.escape("meta-data") == "meta\\-data")
    }

    @Test func sampleAgentPrintsItsManPage() throws {
        let outcome = try AgentInvocation("ocf-sample").run("--man-page")
        #expect(outcome.code == 0 && outcome.stdout.hasPrefix(".TH OCF_TANDEM_OCF\\-SAMPLE 7"))
    }
}
