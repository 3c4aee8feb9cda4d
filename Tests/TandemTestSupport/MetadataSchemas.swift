import Foundation
import TandemCore

/// The three validators every agent's meta-data must pass (anchors.md §1.9).
public enum MetadataSchemas {
    /// What each validator says is wrong; empty when all three accept `xml`.
    ///
    /// ra-api-1.dtd (ocf-tester) and resource-agents' metadata.rng predate OCF 1.1 and reject
    /// its `reloadable` attribute and `reload-agent` action, as they reject Pacemaker's own
    /// OCF 1.1 agents. Exactly those two complaints are accepted there, nothing else; the
    /// OCF 1.1 schema (Pacemaker's and pcs's) must accept the whole document.
    public static func problems(in xml: String) throws -> [String] {
        var failures: [String] = []
        // ocf-tester validates from the DTD's directory so that the SYSTEM id resolves.
        let dtd = try TestCommands.run("xmllint", ["--noout", "--path", "/usr/share/resource-agents", "--valid", "-"],
                                       input: xml)
        failures += unexpected(dtd, validator: "ra-api-1.dtd", acceptingOCF11: true)
        let legacy = try TestCommands.run("xmllint", ["--noout", "--relaxng", "/usr/share/resource-agents/metadata.rng", "-"],
                                          input: xml)
        failures += unexpected(legacy, validator: "metadata.rng", acceptingOCF11: true)
        let ocf11 = try TestCommands.run("xmllint", ["--noout", "--relaxng", "/usr/share/pcs/data/ocf-1.1.rng", "-"],
                                         input: xml)
        failures += unexpected(ocf11, validator: "ocf-1.1.rng", acceptingOCF11: false)
        return failures
    }

    /// The OCF 1.1 names the two older validators reject; nothing else is forgiven.
    public static let ocf11OnlyNames = ["reloadable", "reload-agent"]

    /// Whether one xmllint error message is about an OCF 1.1-only name.
    public static func isOCF11OnlyComplaint(_ message: String) -> Bool {
        message.contains("attribute reloadable of element parameter")
            || message.contains("Invalid attribute reloadable for element parameter")
            || message.contains("Value \"reload-agent\" for attribute name of action is not among the enumerated set")
    }

    private static func unexpected(_ result: CommandResult, validator: String, acceptingOCF11: Bool) -> [String] {
        let errors = result.stderrText.split(separator: "\n").map(String.init).filter {
            $0.contains("validity error") || $0.contains("parser error") || $0.contains("error :")
        }
        let remaining = errors.filter { !(acceptingOCF11 && isOCF11OnlyComplaint($0)) }
        if !remaining.isEmpty { return remaining.map { validator + ": " + $0 } }
        // No error line but a failure (an unreadable schema, say) is a failure too.
        if !result.succeeded && errors.isEmpty { return [validator + ": " + result.stderrText] }
        return []
    }
}
