import Foundation
import Testing
import TandemTestSupport
@testable import TandemCore

@Suite struct MetadataRendererTests {
    /// A declaration with everything the renderer must handle, including text that needs escaping.
    static let tricky = AgentDeclaration(
        name: "tricky", version: "1.0 <beta> & \"more\"",
        shortDescription: "Short <b>not bold</b> & co",
        longDescription: "Long text with <, >, & and \"quotes\".",
        parameters: [
            RequiredParameter<String>("ip", unique: true, short: "IP <addr>", long: "Address & mask.").spec,
            Parameter<Int>("count", default: 5, range: 1...9, short: "c", long: "Count.").spec,
            Parameter<Bool>("flag", default: true, short: "f", long: "Flag.", deprecated: "use \"other\" instead.").spec,
            Parameter<String>("mode", default: "a", allowed: ["a", "b&c"], short: "m", long: "Mode.").spec,
        ],
        actions: [
            ActionSpec(.start, timeout: 20), ActionSpec(.stop, timeout: 20),
            ActionSpec(.monitor, timeout: 20, interval: 10, depth: 0, role: .promoted),
            ActionSpec(.monitor, timeout: 20, interval: 11, depth: 0, role: .unpromoted),
            ActionSpec(.promote, timeout: 10), ActionSpec(.demote, timeout: 10),
            ActionSpec(.notify, timeout: 5), ActionSpec(.reload, timeout: 10),
            ActionSpec(.metaData, timeout: 5), ActionSpec(.validateAll, timeout: 20),
        ])

    @Test func trickyDeclarationValidatesAgainstAllThreeSchemas() throws {
        let xml = MetadataRenderer.render(Self.tricky)
        #expect(try MetadataSchemas.problems(in: xml) == [])
    }

    @Test func sampleAgentMetadataValidatesAgainstAllThreeSchemas() throws {
        let outcome = try AgentInvocation("ocf-sample").run("meta-data")
        #expect(outcome.code == 0)
        #expect(try MetadataSchemas.problems(in: outcome.stdout) == [])
    }

    @Test func textIsEscapedAndDescriptionsCarryWhatTheSchemasCannot() {
        let xml = MetadataRenderer.render(Self.tricky)
        #expect(xml.contains("<shortdesc lang=\"en\">Short &lt;b&gt;not bold&lt;/b&gt; &amp; co</shortdesc>"))
        #expect(xml.contains("version=\"1.0 &lt;beta&gt; &amp; &quot;more&quot;\""))
        #expect(xml.contains("Allowed values: a, b&amp;c."))
        #expect(xml.contains("Deprecated: use \"other\" instead."))
        #expect(xml.contains("<shortdesc lang=\"en\">(deprecated) f</shortdesc>"))
        #expect(xml.contains("<content type=\"integer\" default=\"5\"/>"))
        #expect(xml.contains("<action name=\"monitor\" timeout=\"20s\" interval=\"11s\" depth=\"0\" role=\"Unpromoted\"/>"))
        #expect(xml.contains("<parameter name=\"ip\" unique=\"1\" required=\"1\">"))
        #expect(!xml.contains("reload-agent") && !xml.contains("unique-group") && !xml.contains("reloadable"))
    }

    @Test func renderingIsStable() {
        #expect(MetadataRenderer.render(Self.tricky) == MetadataRenderer.render(Self.tricky))
    }

    /// Golden files, one per agent: a change to an agent's meta-data is a deliberate change of
    /// its file (re-record with RECORD_SNAPSHOTS=1). The agent's version is Tandem's, which
    /// changes with every release: the files say `version="@TANDEM_VERSION@"` in its place, so
    /// an agent declaring any other version fails here.
    @Test(arguments: ["ocf-sample", "drbd", "floating-ip", "lvm", "iscsi-target"])
    func agentMetadataMatchesSnapshot(agent: String) throws {
        let outcome = try AgentInvocation(agent).run("meta-data")
        let header = "<resource-agent name=\"\(agent)\" version="
        let metadata = outcome.stdout.replacingOccurrences(of: header + "\"\(TandemVersion.current)\">",
                                                           with: header + "\"@TANDEM_VERSION@\">")
        let path = FixturePaths.project("snapshots/\(agent).metadata.xml")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try metadata.write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(metadata == (try FixturePaths.read(path)))
    }
}
