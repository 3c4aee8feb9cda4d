import Testing
import TandemTestSupport
@testable import TandemCore

/// Renders crm_mon XML from a CIB file with the installed Pacemaker (`CIB_file=… crm_mon -1`)
/// and validates it against the installed RelaxNG schema before the parser sees it.
enum CrmMonRendering {
    static let runner = CommandRunner(budget: OperationBudget(timeoutMilliseconds: 60_000))

    static var available: Bool { runner.resolve("crm_mon") != nil && runner.resolve("xmllint") != nil }

    /// `CIB_file=<cib> crm_mon -1 <format>`, schema-checked.
    static func render(_ cibName: String, legacy: Bool = false) throws -> [UInt8] {
        let path = FixturePaths.project("cib/" + cibName)
        let command = Command("crm_mon", ["-1", legacy ? "--as-xml" : "--output-as=xml"],
                              environment: ["CIB_file": path])
        let result = try runner.run(command)
        try #require(result.succeeded, "\(result.summary)")
        try validate(result.stdout)
        return result.stdout
    }

    /// Validates a whole document: `api-result-<api-version>.rng` for `<pacemaker-result>`
    /// (crm_mon-<v>.rng alone only describes the children), `crm_mon.rng` for the legacy root.
    static func validate(_ document: [UInt8]) throws {
        let text = String(decoding: document.prefix(200), as: UTF8.self)
        let schema: String
        if text.hasPrefix("<crm_mon ") {
            schema = "/usr/share/pacemaker/crm_mon.rng"
        } else {
            let marker = "api-version=\""
            let start = try #require(text.firstRange(of: marker)).upperBound
            let end = try #require(text[start...].firstIndex(of: "\""))
            schema = "/usr/share/pacemaker/api/api-result-\(text[start..<end]).rng"
        }
        let check = try runner.run(Command("xmllint", ["--noout", "--relaxng", schema, "-"], input: document))
        #expect(check.succeeded, "schema \(schema): \(check.stderrText)")
    }
}
