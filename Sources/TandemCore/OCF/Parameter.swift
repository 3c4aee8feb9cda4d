/// Typed parameter keys: each declares a parameter once (name, type, default, checks,
/// descriptions) and reads its value with its type, the way its declaration says it can be
/// present:
///
///     static let arpCount = Parameter<Int>("arp_count", default: 5, range: 1...1000, short: "…", long: "…")
///     static let nic = OptionalParameter<String>("nic", short: "…", long: "…")
///     static let ip = RequiredParameter<IPAddress>("ip", unique: true, identifies: true, short: "…", long: "…")
///     context.parameters[Self.arpCount]   // Int: the configured value, else 5
///     context.parameters[Self.nic]        // String?: nil when not configured
///     context.parameters[Self.ip]         // IPAddress: the runtime refuses to run an action without it
///
/// Common arguments:
///   - name: the name in the CIB and in `OCF_RESKEY_<name>`.
///   - unique: no two resources of this agent may share the value.
///   - allowed: the only accepted values (an `OCFEnumeration` type gives its cases by itself).
///   - short, long: the one-line and the full description.
///   - deprecated: set for a deprecated parameter: what to use instead.
///   - reloadable: a change is applied by `reload-agent` without a restart.
///   - identifies: the resource is found by this parameter (see `ParameterSpec.identifiesResource`).
///   - fallback: read, with a warning, instead of an invalid value where the replaced agent
///     accepts one; by default the type's (`OCFParameterValue.invalidTextFallback`).
///   - secret: the value (a CHAP password) is never shown: not in exit reasons, logs or usage.
///   - check: syntax checks beyond the type; returns what is wrong, or nil.
public struct Parameter<Value: OCFParameterValue>: Sendable {
    public let spec: ParameterSpec
    public var name: String { spec.name }
    /// The declared default, already typed: what an unset or empty parameter reads as.
    public let defaultValue: Value

    public init(_ name: String, unique: Bool = false, default defaultValue: Value, allowed: [Value] = [],
                short: String, long: String, deprecated: String? = nil, reloadable: Bool = false,
                identifies: Bool = false, fallback: Value? = nil, secret: Bool = false,
                check: (@Sendable (Value) -> String?)? = nil) {
        self.defaultValue = defaultValue
        spec = ParameterSpec.typed(name, required: false, unique: unique, defaultValue: defaultValue, allowed: allowed,
                                   short: short, long: long, deprecated: deprecated, reloadable: reloadable,
                                   identifies: identifies, fallback: fallback, secret: secret, check: check)
    }
}

/// A parameter without a default: reads as nil when it is not configured.
public struct OptionalParameter<Value: OCFParameterValue>: Sendable {
    public let spec: ParameterSpec
    public var name: String { spec.name }

    public init(_ name: String, unique: Bool = false, allowed: [Value] = [], short: String, long: String,
                deprecated: String? = nil, reloadable: Bool = false, identifies: Bool = false,
                fallback: Value? = nil, secret: Bool = false, check: (@Sendable (Value) -> String?)? = nil) {
        spec = ParameterSpec.typed(name, required: false, unique: unique, defaultValue: nil, allowed: allowed,
                                   short: short, long: long, deprecated: deprecated, reloadable: reloadable,
                                   identifies: identifies, fallback: fallback, secret: secret, check: check)
    }
}

/// A parameter the resource cannot be configured without: no action runs when it is missing
/// or invalid (`ParameterProblem.missing` identifies the resource), so it reads as a value.
public struct RequiredParameter<Value: OCFParameterValue>: Sendable {
    public let spec: ParameterSpec
    public var name: String { spec.name }

    public init(_ name: String, unique: Bool = false, allowed: [Value] = [], short: String, long: String,
                deprecated: String? = nil, reloadable: Bool = false, identifies: Bool = false,
                check: (@Sendable (Value) -> String?)? = nil) {
        spec = ParameterSpec.typed(name, required: true, unique: unique, defaultValue: nil, allowed: allowed,
                                   short: short, long: long, deprecated: deprecated, reloadable: reloadable,
                                   identifies: identifies, fallback: nil, secret: false, check: check)
    }
}

extension Parameter where Value == Int {
    /// An integer parameter limited to `range`.
    public init(_ name: String, unique: Bool = false, default defaultValue: Int, range: ClosedRange<Int>,
                short: String, long: String, deprecated: String? = nil, reloadable: Bool = false, fallback: Int? = nil) {
        self.init(name, unique: unique, default: defaultValue, short: short,
                  long: long + " Range: \(range.lowerBound) to \(range.upperBound).", deprecated: deprecated,
                  reloadable: reloadable, fallback: fallback,
                  check: { range.contains($0) ? nil : "must be between \(range.lowerBound) and \(range.upperBound)" })
    }
}

extension ParameterSpec {
    /// The type-erased spec of a typed parameter: texts for meta-data, and the check that
    /// parses a text with `Value`'s rules, then the allowed values, then `check`.
    static func typed<Value: OCFParameterValue>(
        _ name: String, required: Bool, unique: Bool, defaultValue: Value?, allowed: [Value], short: String,
        long: String, deprecated: String?, reloadable: Bool, identifies: Bool, fallback: Value?, secret: Bool,
        check: (@Sendable (Value) -> String?)?) -> ParameterSpec {
        // A secret (a CHAP password) is never repeated: exit reasons and logs say it is wrong, not what it is.
        let shown: @Sendable (String) -> String = { secret ? "(value not shown)" : quoted($0) }
        let allowedTexts: @Sendable () -> [String] = {
            allowed.isEmpty ? Value.enumeratedTexts ?? [] : allowed.map { $0.ocfText }
        }
        return ParameterSpec(
            name: name, contentType: Value.contentType, required: required, unique: unique,
            reloadable: reloadable, identifiesResource: identifies,
            shortDescription: short, longDescription: long, deprecation: deprecated, secret: secret,
            texts: {
                ParameterTexts(defaultText: defaultValue?.ocfText,
                               fallbackText: (fallback ?? Value.invalidTextFallback)?.ocfText,
                               allowedValues: allowedTexts())
            },
            parse: { text in
                guard let value = Value(ocfText: text) else {
                    return .invalid("\(name)=\(shown(text)) is not \(Value.expectation)")
                }
                if !allowed.isEmpty && !allowed.contains(value) {
                    return .invalid("\(name)=\(shown(text)) is not one of: " + allowedTexts().joined(separator: ", "))
                }
                if let problem = check?(value) { return .invalid("\(name)=\(shown(text)): \(problem)") }
                return .valid(value)
            })
    }
}

/// A value as an exit reason shows it: quoted, control characters escaped.
func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case _ where scalar.value < 0x20 || scalar.value == 0x7f:
            result += "\\x" + String(scalar.value, radix: 16)
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result + "\""
}
