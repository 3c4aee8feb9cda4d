/// Renders an `AgentDeclaration` as OCF meta-data XML.
///
/// A pure function of the declaration: no environment, byte-identical on every run.
/// It stays in the subset that ra-api-1.dtd (ocf-tester), resource-agents' metadata.rng
/// and the OCF 1.1 schema all accept: one longdesc and shortdesc with `lang`, content
/// types string/integer/boolean, every action with a timeout, roles Promoted/Unpromoted;
/// with one exception: `reload-agent` and `reloadable`, which only OCF 1.1 knows and
/// without which Pacemaker restarts the resource for every parameter change.
public enum MetadataRenderer {
    public static func render(_ declaration: AgentDeclaration) -> String {
        var xml = XMLWriter()
        xml.raw("<?xml version=\"1.0\"?>\n<!DOCTYPE resource-agent SYSTEM \"ra-api-1.dtd\">\n")
        xml.open("resource-agent", [("name", declaration.name), ("version", declaration.version)])
        xml.element("version", text: AgentDeclaration.ocfVersion)
        xml.element("longdesc", [("lang", "en")], text: declaration.longDescription)
        xml.element("shortdesc", [("lang", "en")], text: declaration.shortDescription)
        xml.open("parameters")
        for parameter in declaration.parameters {
            renderParameter(parameter, into: &xml)
        }
        xml.close("parameters")
        xml.open("actions")
        for action in declaration.actions {
            var attributes = [("name", action.name.rawValue), ("timeout", String(action.timeoutSeconds) + "s")]
            if let interval = action.intervalSeconds { attributes.append(("interval", String(interval) + "s")) }
            if let depth = action.depth { attributes.append(("depth", String(depth))) }
            if let role = action.role { attributes.append(("role", role.rawValue)) }
            xml.empty("action", attributes)
        }
        xml.close("actions")
        xml.close("resource-agent")
        return xml.text
    }

    private static func renderParameter(_ parameter: ParameterSpec, into xml: inout XMLWriter) {
        var attributes = [("name", parameter.name), ("unique", parameter.unique ? "1" : "0"),
                          ("required", parameter.required ? "1" : "0")]
        // OCF 1.1 only: ra-api-1.dtd and resource-agents' metadata.rng reject it, as they
        // reject Pacemaker's own OCF 1.1 agents; Pacemaker needs it for reload-agent.
        if parameter.reloadable { attributes.append(("reloadable", "1")) }
        xml.open("parameter", attributes)
        xml.element("longdesc", [("lang", "en")], text: longDescription(of: parameter))
        let short = parameter.deprecation == nil ? parameter.shortDescription
                                                 : "(deprecated) " + parameter.shortDescription
        xml.element("shortdesc", [("lang", "en")], text: short)
        var content = [("type", parameter.contentType.rawValue)]
        if let value = parameter.defaultText { content.append(("default", value)) }
        xml.empty("content", content)
        xml.close("parameter")
    }

    /// The long description plus what the schemas cannot say: allowed values, deprecation.
    static func longDescription(of parameter: ParameterSpec) -> String {
        var text = parameter.longDescription
        if !parameter.allowedValues.isEmpty {
            text += " Allowed values: " + parameter.allowedValues.joined(separator: ", ") + "."
        }
        if let deprecation = parameter.deprecation {
            text += " Deprecated: " + deprecation
        }
        return text
    }
}
