/// The parameters of one invocation, validated against the declaration and read by typed key.
public struct ParameterValues: Sendable {
    /// The parsed values of declared parameters whose non-empty texts passed their checks
    /// (or of their fallbacks), each parsed once.
    private let values: [String: any Sendable]
    /// The declared names: reading any other parameter is a bug (a `static let` left out of
    /// the declaration's list would silently read as its default), caught in debug builds.
    private let declared: Set<String>

    init(values: [String: any Sendable], declared: Set<String>) {
        self.values = values
        self.declared = declared
    }

    /// The value of `parameter`: the configured one, else its default.
    public subscript<Value>(_ parameter: Parameter<Value>) -> Value {
        value(parameter.spec, as: Value.self) ?? parameter.defaultValue
    }

    /// The configured value of `parameter`, nil when it is not configured.
    public subscript<Value>(_ parameter: OptionalParameter<Value>) -> Value? {
        value(parameter.spec, as: Value.self)
    }

    /// The value of a required parameter. The runtime runs no start or validate-all without a
    /// valid one, and no action at all when it identifies the resource; an action on a running
    /// resource reads one that does not with `ifValid`.
    public subscript<Value>(_ parameter: RequiredParameter<Value>) -> Value {
        guard let value = value(parameter.spec, as: Value.self) else {
            preconditionFailure("required parameter \(parameter.name) read without a valid value")
        }
        return value
    }

    /// A required parameter's value, nil when it is missing or invalid (possible only in an
    /// action on a running resource, for a parameter that does not identify the resource).
    public func ifValid<Value>(_ parameter: RequiredParameter<Value>) -> Value? {
        value(parameter.spec, as: Value.self)
    }

    /// True when the admin set the parameter (as opposed to its default applying).
    public func isSet(_ spec: ParameterSpec) -> Bool { values[spec.name] != nil }

    private func value<Value: OCFParameterValue>(_ spec: ParameterSpec, as type: Value.Type) -> Value? {
        assert(declared.contains(spec.name), "parameter \(spec.name) is read but not in the agent's declaration")
        return values[spec.name] as? Value
    }

    /// Reads and checks every declared parameter. An empty value counts as unset (the
    /// default applies), as `${VAR:-default}` in the shell agents. An invalid value of a
    /// parameter with a fallback is read as the fallback and reported in `fallbacks`.
    public static func parse(_ declaration: AgentDeclaration, from environment: OCFEnvironment)
        -> (values: ParameterValues, problems: [ParameterProblem], fallbacks: [String]) {
        var values: [String: any Sendable] = [:]
        var problems: [ParameterProblem] = []
        var fallbacks: [String] = []
        for spec in declaration.parameters {
            guard let text = environment.parameterText(spec.name), !text.isEmpty else {
                if spec.required { problems.append(.missing(spec.name, identifiesResource: spec.identifiesResource)) }
                continue
            }
            switch spec.parse(text) {
            case .valid(let value):
                values[spec.name] = value
            case .invalid(let problem):
                if let fallback = spec.fallbackText, case .valid(let value) = spec.parse(fallback) {
                    values[spec.name] = value
                    fallbacks.append("\(problem); read as \(quoted(fallback)), as the agent it replaces does")
                } else {
                    problems.append(.invalid(spec.name, problem, identifiesResource: spec.identifiesResource))
                }
            }
        }
        return (ParameterValues(values: values, declared: Set(declaration.parameters.map { $0.name })), problems, fallbacks)
    }

    /// `OCF_RESKEY_*` variables that name no declared parameter (typos in the CIB).
    public static func unknownNames(_ declaration: AgentDeclaration, in environment: OCFEnvironment) -> [String] {
        let prefix = OCFEnvironment.Key.parameterPrefix
        let declared = Set(declaration.parameters.map { $0.name })
        return environment.variables.keys.compactMap { key -> String? in
            guard key.hasBytePrefix(prefix) else { return nil }
            let name = key.droppingBytes(prefix.utf8.count)
            // Pacemaker's own variables share the prefix.
            if key.hasBytePrefix(OCFEnvironment.Key.metaPrefix) || key == OCFEnvironment.Key.featureSet
                || key == OCFEnvironment.Key.checkLevelParameter { return nil }
            return declared.contains(name) ? nil : name
        }.sorted()
    }
}

/// What is wrong with one parameter.
public enum ParameterProblem: Sendable, Equatable, CustomStringConvertible {
    /// A required parameter is unset.
    case missing(String, identifiesResource: Bool)
    case invalid(String, String, identifiesResource: Bool)

    public var parameterName: String {
        switch self {
        case .missing(let name, _), .invalid(let name, _, _): name
        }
    }

    /// Without a valid value the resource cannot be found on this host.
    public var identifiesResource: Bool {
        switch self {
        case .missing(_, let identifies), .invalid(_, _, let identifies): identifies
        }
    }

    public var description: String {
        switch self {
        case .missing(let name, _): "required parameter \(name) is not set"
        case .invalid(_, let message, _): message
        }
    }
}
