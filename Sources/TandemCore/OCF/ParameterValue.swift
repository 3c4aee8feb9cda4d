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
    /// The only texts a value of this type can have (an enum's cases), nil when open-ended.
    static var enumeratedTexts: [String]? { get }
    /// What an invalid text of this type is read as (with a warning), when the shell agents
    /// read it so too; nil when an invalid text is an error.
    static var invalidTextFallback: Self? { get }
}

extension OCFParameterValue {
    public static var invalidTextFallback: Self? { nil }
    public static var enumeratedTexts: [String]? { nil }
}

/// A parameter whose values are the cases of an enum: one `CaseIterable` type gives the Swift
/// value, the allowed values in meta-data and the validation, written once.
///
///     enum ARPMode: String, OCFEnumeration { case request, reply }
///     static let arpMode = Parameter<ARPMode>("arp_mode", default: .request, …)
public protocol OCFEnumeration: OCFParameterValue, CaseIterable, RawRepresentable where RawValue == String {}

extension OCFEnumeration {
    public static var contentType: ParameterContentType { .string }
    public init?(ocfText: String) { self.init(rawValue: ocfText) }
    public var ocfText: String { rawValue }
    public static var expectation: String { "one of: " + allCases.map(\.rawValue).joined(separator: ", ") }
    public static var enumeratedTexts: [String]? { allCases.map(\.rawValue) }
}

extension DottedVersion: OCFParameterValue {
    public static var contentType: ParameterContentType { .string }
    /// Dot-separated numbers and nothing else (no `-rc1` suffix in a parameter).
    public init?(ocfText: String) {
        guard !ocfText.isEmpty, ocfText.allSatisfy({ $0 == "." || ($0.isASCII && $0.isNumber) }),
              let version = DottedVersion(ocfText), version.components.count == ocfText.split(separator: ".").count,
              !ocfText.hasPrefix("."), !ocfText.hasSuffix("."), !ocfText.contains("..") else { return nil }
        self = version
    }
    public var ocfText: String { description }
    public static var expectation: String { "a version like 8.4.0" }
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
