/// One parameter of an agent, as meta-data and validation see it (type-erased).
///
/// Built by `Parameter<Value>`, which knows the Swift type; everything derived from a
/// declaration (meta-data, validation, usage, docs) reads this.
public struct ParameterSpec: Sendable {
    public let name: String
    public let contentType: ParameterContentType
    public let required: Bool
    public let unique: Bool
    /// The default as text, shown in meta-data; nil when there is none.
    public let defaultText: String?
    /// The only accepted values (checked by validation, listed in the long description).
    public let allowedValues: [String]
    public let shortDescription: String
    public let longDescription: String
    /// Set when the parameter is deprecated: what to use instead, said in the descriptions
    /// (the DTD ocf-tester uses has no `<deprecated>` element).
    public let deprecation: String?
    /// Checks one value's text; returns what is wrong, or nil.
    let check: @Sendable (String) -> String?

    /// What is wrong with `text` as a value of this parameter, or nil when it is valid.
    public func problem(with text: String) -> String? { check(text) }
}
