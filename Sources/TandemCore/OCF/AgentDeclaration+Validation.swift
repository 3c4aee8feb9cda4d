extension AgentDeclaration {
    /// Mistakes in the declaration itself, found before any admin sees them: run by the
    /// tests of every agent and by debug builds at start-up. Empty when the declaration is sound.
    public func declarationProblems(handled: Set<ActionName>? = nil) -> [String] {
        var problems: [String] = []
        var names: Set<String> = []
        for parameter in parameters {
            if !names.insert(parameter.name).inserted {
                problems.append("parameter \(parameter.name) is declared twice")
            }
            if parameter.name.isEmpty || !parameter.name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) {
                problems.append("parameter name \(quoted(parameter.name)) is not a valid OCF_RESKEY_ suffix")
            }
            if let text = parameter.defaultText, let problem = parameter.problem(with: text) {
                problems.append("default of \(parameter.name) is invalid: \(problem)")
            }
            if parameter.required && parameter.defaultText != nil {
                problems.append("parameter \(parameter.name) is required but has a default")
            }
            if parameter.shortDescription.isEmpty || parameter.longDescription.isEmpty {
                problems.append("parameter \(parameter.name) lacks a description")
            }
        }
        if parameters.isEmpty {
            problems.append("an agent needs at least one parameter (metadata.rng: oneOrMore)")
        }
        for required in [ActionName.start, .stop, .monitor, .metaData] where !actions.contains(where: { $0.name == required }) {
            problems.append("mandatory action \(required.rawValue) is not declared")
        }
        for action in actions where action.timeoutSeconds <= 0 {
            problems.append("action \(action.name.rawValue) needs a positive timeout")
        }
        let monitors = actions.filter { $0.name == .monitor && ($0.intervalSeconds ?? 0) > 0 }
        if Set(monitors.compactMap { $0.intervalSeconds }).count != monitors.count {
            problems.append("recurring monitors need distinct intervals (one per role), or Pacemaker runs only one")
        }
        let hasPromote = actions.contains { $0.name == .promote }, hasDemote = actions.contains { $0.name == .demote }
        if hasPromote != hasDemote {
            problems.append("promote and demote come together")
        }
        if let handled {
            for name in actionNames where name != .metaData && name != .validateAll && !handled.contains(name) {
                problems.append("action \(name.rawValue) is declared but has no handler")
            }
            for name in handled where !actionNames.contains(name) {
                problems.append("action \(name.rawValue) has a handler but is not declared")
            }
        }
        return problems
    }
}
