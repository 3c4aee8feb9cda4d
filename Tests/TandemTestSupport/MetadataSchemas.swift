import Foundation
import TandemCore

/// The three validators every agent's meta-data must pass (anchors.md §1.9).
public enum MetadataSchemas {
    /// What each validator says is wrong; empty when all three accept `xml`.
    public static func problems(in xml: String) throws -> [String] {
        var failures: [String] = []
        // ocf-tester validates from the DTD's directory so that the SYSTEM id resolves.
        let dtd = try TestCommands.run("xmllint", ["--noout", "--path", "/usr/share/resource-agents", "--valid", "-"],
                                       input: xml)
        if !dtd.succeeded { failures.append("ra-api-1.dtd: " + dtd.stderrText) }
        for schema in ["/usr/share/resource-agents/metadata.rng", "/usr/share/pcs/data/ocf-1.1.rng"] {
            let result = try TestCommands.run("xmllint", ["--noout", "--relaxng", schema, "-"], input: xml)
            if !result.succeeded { failures.append(schema + ": " + result.stderrText) }
        }
        return failures
    }
}
