/// The OCF content types that every meta-data validator accepts (ra-api-1.dtd,
/// resource-agents' metadata.rng and the OCF 1.1 schema): no `select`, no `time`.
public enum ParameterContentType: String, Sendable {
    case string, integer, boolean
}

/// A value a parameter can hold, parsed from the text in `OCF_RESKEY_<name>`.
public protocol OCFParameterValue: Sendable, Equatable {
    static var contentType: ParameterContentType { get }
    /// nil when `ocfText` is not a value of this type.
    init?(ocfText: String)
    /// The text that parses back to this value (used for defaults in meta-data).
    var ocfText: String { get }
    /// Words for an exit reason: "is not <expectation>".
    static var expectation: String { get }
    /// What an invalid text of this type is read as (with a warning), when the shell agents
    /// read it so too; nil when an invalid text is an error.
    static var invalidTextFallback: Self? { get }
}

extension OCFParameterValue {
    public static var invalidTextFallback: Self? { nil }
}

extension String: OCFParameterValue {
    public static var contentType: ParameterContentType { .string }
    public init?(ocfText: String) { self = ocfText }
    public var ocfText: String { self }
    public static var expectation: String { "a string" }
}

extension Int: OCFParameterValue {
    public static var contentType: ParameterContentType { .integer }
    /// Decimal digits with an optional sign; nothing else (no spaces, no units).
    public init?(ocfText: String) {
        guard let value = Int(ocfText, radix: 10) else { return nil }
        self = value
    }
    public var ocfText: String { String(self) }
    public static var expectation: String { "an integer" }
}

extension Bool: OCFParameterValue {
    public static var contentType: ParameterContentType { .boolean }
    /// The spellings `ocf_is_true` accepts, and their negations. Anything else is not a
    /// boolean: read as false with a warning (`invalidTextFallback`), never silently.
    public init?(ocfText: String) {
        switch ocfText.lowercased() {
        case "1", "yes", "true", "on", "ja": self = true
        case "0", "no", "false", "off", "nein": self = false
        default: return nil
        }
    }
    public var ocfText: String { self ? "true" : "false" }
    public static var expectation: String { "a boolean (true or false)" }
    /// `ocf_is_true` reads every other word as false, so IPaddr2 and ocf:linbit:drbd do too:
    /// after a one-word migration a CIB with such a value must not stop the resource.
    public static var invalidTextFallback: Bool? { false }
}
