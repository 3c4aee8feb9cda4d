import Testing
import TandemTestSupport
@testable import TandemCore

/// Broken input must become a typed `CrmMonError`, never a crash or a partial model.
@Suite struct CrmMonMalformedInputTests {
    static func isMalformed(_ error: CrmMonError) -> Bool {
        if case .malformedXML = error { return true }
        return false
    }

    @Test func emptyInput() {
        #expect(throws: CrmMonError.emptyInput) { try CrmMonParser.parse(bytes: []) }
        #expect(throws: CrmMonError.emptyInput) { try CrmMonParser.parse(string: "") }
    }

    @Test(arguments: ["   \n", "not xml at all", "<pacemaker-result", "<pacemaker-result api-version=\"2.25\">",
                      "<crm_mon version=\"1\"><summary></crm_mon>", "<a></b>", "\u{0}\u{1}\u{2}",
                      "<pacemaker-result/><extra/>", "<pacemaker-result/>garbage"])
    func malformed(text: String) {
        do {
            _ = try CrmMonParser.parse(string: text)
            Issue.record("parsed: \(text)")
        } catch {
            #expect(Self.isMalformed(error), "\(error)")
            if case .malformedXML(let line, _, let message) = error {
                #expect(line >= 1 && !message.isEmpty)
            }
        }
    }

    @Test func malformedCarriesLibxml2MessageAndLine() {
        let text = "<pacemaker-result api-version=\"2.25\" request=\"x\">\n  <nodes>\n    <node name=\"a\"\n</pacemaker-result>"
        #expect {
            try CrmMonParser.parse(string: text)
        } throws: { error in
            guard case .malformedXML(let line, _, let message)? = error as? CrmMonError else { return false }
            return line >= 3 && !message.isEmpty
        }
    }

    @Test(arguments: ["<cib/>", "<pacemaker/>", "<crm_mon_x version=\"1\"/>"])
    func wrongRoot(text: String) {
        let name = String(text.dropFirst().prefix { $0 != "/" && $0 != " " })
        #expect(throws: CrmMonError.unexpectedRoot(name)) { try CrmMonParser.parse(string: text) }
    }

    @Test(arguments: FixturePaths.sharedFiles(in: "crm_mon", withExtension: "xml").filter { $0.contains("/crm_mon-") })
    func truncatedRealFiles(path: String) throws {
        let bytes = Array(try FixturePaths.read(path).utf8)
        // Everything before the root's closing '>' is an incomplete document.
        let rootEnd = try #require(bytes.lastIndex(of: UInt8(ascii: ">")))
        var cuts = Set(stride(from: 0, to: rootEnd, by: 173))
        cuts.formUnion([1, bytes.count / 3, bytes.count / 2, 2 * bytes.count / 3, rootEnd - 1, rootEnd])
        for cut in cuts.sorted() {
            do {
                _ = try CrmMonParser.parse(bytes: Array(bytes[..<cut]))
                Issue.record("cut at \(cut) of \(bytes.count) parsed")
            } catch {
                #expect(Self.isMalformed(error) || error == .emptyInput, "cut \(cut): \(error)")
            }
        }
        // The complete file still parses.
        _ = try CrmMonParser.parse(bytes: bytes)
    }

    @Test func invalidNumberIsTyped() {
        let text = "<pacemaker-result api-version=\"2.25\" request=\"x\"><resources>\n<resource id=\"r\" resource_agent=\"ocf:a:b\" role=\"Started\" nodes_running_on=\"many\"/></resources></pacemaker-result>"
        #expect(throws: CrmMonError.invalidAttribute(element: "resource", attribute: "nodes_running_on", value: "many", line: 2)) {
            try CrmMonParser.parse(string: text)
        }
    }

    @Test func invalidBooleanIsTyped() {
        let text = "<crm_mon version=\"1.1.18\"><nodes><node name=\"a\" online=\"maybe\"/></nodes></crm_mon>"
        #expect(throws: CrmMonError.invalidAttribute(element: "node", attribute: "online", value: "maybe", line: 1)) {
            try CrmMonParser.parse(string: text)
        }
    }

    @Test func missingIdentifierIsTyped() {
        let text = "<crm_mon version=\"1.1.18\"><resources><resource role=\"Started\"/></resources></crm_mon>"
        #expect(throws: CrmMonError.missingAttribute(element: "resource", attribute: "id", line: 1)) {
            try CrmMonParser.parse(string: text)
        }
    }

    @Test func externalEntitiesAreNotLoaded() {
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE crm_mon [<!ENTITY leak SYSTEM "file:///etc/hostname">]>
            <crm_mon version="&leak;"><summary/></crm_mon>
            """
        do {
            let status = try CrmMonParser.parse(string: text)
            #expect(status.format == .legacy(pacemakerVersion: ""))
        } catch {
            #expect(Self.isMalformed(error), "\(error)")
        }
    }

    @Test func entityExpansionBombIsRefused() {
        var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE crm_mon [\n<!ENTITY a0 \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\">\n"
        for level in 1...12 { text += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">\n" }
        text += "]>\n<crm_mon version=\"&a12;\"/>"
        let start = MonotonicInstant.now()
        #expect(throws: (any Error).self) { try CrmMonParser.parse(string: text) }
        #expect(start.milliseconds(until: .now()) < 5000)
    }
}
