/// Everything an agent says about itself, declared once. Meta-data, validation, the
/// usage text and the docs are all derived from it.
public struct AgentDeclaration: Sendable {
    public let name: String
    /// The agent's own version (the `version` attribute), not the OCF API version: Tandem's
    /// (`TandemVersion.current`, from debian/changelog) for every agent Tandem ships.
    public let version: String
    public let shortDescription: String
    public let longDescription: String
    public let parameters: [ParameterSpec]
    public let actions: [ActionSpec]

    public init(name: String, version: String = TandemVersion.current, shortDescription: String, longDescription: String,
                parameters: [ParameterSpec], actions: [ActionSpec]) {
        self.name = name
        self.version = version
        self.shortDescription = shortDescription
        self.longDescription = longDescription
        self.parameters = parameters
        self.actions = actions
    }

    /// The OCF API version the meta-data claims.
    public static let ocfVersion = "1.1"

    /// The distinct action names, in declaration order.
    public var actionNames: [ActionName] {
        var seen: Set<ActionName> = []
        return actions.map { $0.name }.filter { seen.insert($0).inserted }
    }

    public func parameter(named name: String) -> ParameterSpec? {
        parameters.first { $0.name == name }
    }

    /// The declared default timeout of `action` (the first declaration of it), in seconds.
    public func defaultTimeoutSeconds(for action: ActionName) -> Int? {
        actions.first { $0.name == action }?.timeoutSeconds
    }
}
