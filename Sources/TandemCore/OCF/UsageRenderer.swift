/// The usage text, derived from the declared actions.
public enum UsageRenderer {
    public static func render(_ declaration: AgentDeclaration) -> String {
        let names = declaration.actionNames.map { $0.rawValue } + ["usage"]
        var text = "usage: \(declaration.name) {\(names.joined(separator: "|"))}\n\n"
        text += declaration.shortDescription + "\n\nParameters (as OCF_RESKEY_<name>):\n"
        for parameter in declaration.parameters {
            var flags: [String] = [parameter.contentType.rawValue]
            if parameter.required { flags.append("required") }
            if parameter.unique { flags.append("unique") }
            if let value = parameter.defaultText { flags.append("default \(quoted(value))") }
            if parameter.deprecation != nil { flags.append("deprecated") }
            text += "  \(parameter.name) (\(flags.joined(separator: ", "))): \(parameter.shortDescription)\n"
        }
        return text
    }
}
