/// Renders an `AgentDeclaration` as a man page (section 7, as resource-agents names
/// them: `ocf_<provider>_<agent>`), from the same declaration as the meta-data.
public enum ManPageRenderer {
    public static func render(_ declaration: AgentDeclaration, provider: String = "tandem") -> String {
        let title = "ocf_\(provider)_\(declaration.name)"
        var page = ".TH \(escape(title.uppercased())) 7 \"\" \"Tandem \(escape(declaration.version))\" \"OCF resource agents\"\n"
        page += ".SH NAME\n\(escape(title)) \\- \(escape(declaration.shortDescription))\n"
        page += ".SH SYNOPSIS\n.B \(escape(declaration.name))\n"
        page += "{" + declaration.actionNames.map { escape($0.rawValue) }.joined(separator: "|") + "|usage}\n"
        page += ".SH DESCRIPTION\n\(escape(declaration.longDescription))\n"
        page += ".SH PARAMETERS\n"
        for parameter in declaration.parameters {
            var facts = [parameter.contentType.rawValue]
            if parameter.required { facts.append("required") }
            if parameter.unique { facts.append("unique") }
            if let value = parameter.defaultText { facts.append("default: \(value)") }
            page += ".TP\n.B \(escape(parameter.name))\n(\(escape(facts.joined(separator: ", "))))\n"
            page += ".br\n\(escape(MetadataRenderer.longDescription(of: parameter)))\n"
        }
        page += ".SH ACTIONS\n"
        for action in declaration.actions {
            var facts = ["timeout \(action.timeoutSeconds)s"]
            if let interval = action.intervalSeconds { facts.append("interval \(interval)s") }
            if let depth = action.depth { facts.append("depth \(depth)") }
            if let role = action.role { facts.append("role \(role.rawValue)") }
            page += ".TP\n.B \(escape(action.name.rawValue))\n\(escape(facts.joined(separator: ", ")))\n"
        }
        page += ".SH EXAMPLE\n.nf\ncrm configure primitive p_\(escape(declaration.name)) ocf:\(escape(provider)):\(escape(declaration.name))"
        let required = declaration.parameters.filter { $0.required }
        if !required.isEmpty {
            page += " params " + required.map { escape($0.name) + "=\\&..." }.joined(separator: " ")
        }
        page += "\n.fi\n.SH SEE ALSO\n.BR crm (8),\n.BR pcs (8),\n.BR ocf-tester (8)\n"
        return page
    }

    /// Text safe for roff: backslashes doubled, and a leading dot or quote neutralised.
    static func escape(_ text: String) -> String {
        var result = text.replacingAll("\\", with: "\\e").replacingAll("-", with: "\\-")
        if result.hasPrefix(".") || result.hasPrefix("'") { result = "\\&" + result }
        return result.replacingAll("\n.", with: "\n\\&.").replacingAll("\n'", with: "\n\\&'")
    }
}
