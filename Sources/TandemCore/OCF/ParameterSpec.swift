/// One parameter of an agent, as meta-data and validation see it (type-erased).
///
/// Built by `Parameter<Value>`, which knows the Swift type; everything derived from a
/// declaration (meta-data, validation, usage, docs) reads this.
public struct ParameterSpec: Sendable {
    public let name: String
    public let contentType: ParameterContentType
    public let required: Bool
    public let unique: Bool
    /// OCF 1.1 `reloadable`: a change is applied by `reload-agent`, without a restart.
    public let reloadable: Bool
    /// The resource is found by this parameter (DRBD's resource name, the address): when it
    /// is invalid a probe cannot look and stop has nothing to clean. Any other invalid
    /// parameter does not keep a probe, monitor, demote, notify or stop from seeing and
    /// cleaning the real state: they warn and use its default.
    public let identifiesResource: Bool
    /// The default as text, shown in meta-data; nil when there is none.
    public var defaultText: String? { texts().defaultText }
    /// Read instead of an invalid value, with a warning, where the agent Tandem replaces
    /// accepts such a value too (a one-word migration must not turn into a fatal 6); nil
    /// when an invalid value is an error.
    public var fallbackText: String? { texts().fallbackText }
    /// The only accepted values (checked by validation, listed in the long description).
    public var allowedValues: [String] { texts().allowedValues }
    public let shortDescription: String
    public let longDescription: String
    /// Set when the parameter is deprecated: what to use instead, said in the descriptions
    /// (the DTD ocf-tester uses has no `<deprecated>` element).
    public let deprecation: String?
    /// A secret (a CHAP password): its value is never shown, and it is never passed in argv.
    public let secret: Bool
    /// The typed values above as text, formatted only when asked: every action builds the whole
    /// declaration, and only meta-data, usage and an invalid value read them.
    let texts: @Sendable () -> ParameterTexts
    /// Parses one value's text with the type's rules and the declared checks.
    let parse: @Sendable (String) -> ParsedParameter

    /// What is wrong with `text` as a value of this parameter, or nil when it is valid.
    public func problem(with text: String) -> String? {
        if case .invalid(let problem) = parse(text) { return problem }
        return nil
    }
}

/// A parameter's text, parsed: the typed value (kept, so each text is parsed once per
/// action), or what is wrong with it.
enum ParsedParameter: Sendable {
    case valid(any Sendable)
    case invalid(String)
}

/// A parameter's typed values as text (see `ParameterSpec.texts`).
struct ParameterTexts {
    var defaultText: String?
    var fallbackText: String?
    var allowedValues: [String]
}
