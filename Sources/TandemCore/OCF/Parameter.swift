/// A typed parameter key: declares a parameter once and reads its value with its type.
///
///     static let arpCount = Parameter<Int>("arp_count", default: 5, range: 1...1000,
///                                          short: "ARP packet count", long: "…")
///     let count = context.parameters[Self.arpCount]   // Int
public struct Parameter<Value: OCFParameterValue>: Sendable {
    public let spec: ParameterSpec
    public var name: String { spec.name }
    /// The declared default, already typed.
    public let defaultValue: Value?

    /// - Parameters:
    ///   - name: the name in the CIB and in `OCF_RESKEY_<name>`.
    ///   - required: the resource cannot be configured without it.
    ///   - unique: no two resources of this agent may share the value.
    ///   - defaultValue: used when the parameter is unset or empty.
    ///   - allowed: the only accepted values.
    ///   - short: the one-line description.
    ///   - long: the full description.
    ///   - deprecated: set for a deprecated parameter: what to use instead.
    ///   - reloadable: a change is applied by `reload-agent` without a restart.
    ///   - identifies: the resource is found by this parameter (see `ParameterSpec.identifiesResource`).
    ///   - fallback: read, with a warning, instead of an invalid value where the replaced
    ///     agent accepts one; by default the type's (`OCFParameterValue.invalidTextFallback`).
    ///   - check: syntax checks beyond the type; returns what is wrong, or nil.
    public init(_ name: String, required: Bool = false, unique: Bool = false, default defaultValue: Value? = nil,
                allowed: [Value] = [], short: String, long: String, deprecated: String? = nil,
                reloadable: Bool = false, identifies: Bool = false, fallback: Value? = nil,
                check: (@Sendable (Value) -> String?)? = nil) {
        self.defaultValue = defaultValue
        let allowedTexts = allowed.isEmpty ? Value.enumeratedTexts ?? [] : allowed.map { $0.ocfText }
        self.spec = ParameterSpec(
            name: name, contentType: Value.contentType, required: required, unique: unique,
            reloadable: reloadable, identifiesResource: identifies,
            defaultText: defaultValue?.ocfText,
            fallbackText: (fallback ?? Value.invalidTextFallback)?.ocfText, allowedValues: allowedTexts,
            shortDescription: short, longDescription: long, deprecation: deprecated,
            check: { text in
                guard let value = Value(ocfText: text) else {
                    return "\(name)=\(quoted(text)) is not \(Value.expectation)"
                }
                if !allowed.isEmpty && !allowed.contains(value) {
                    return "\(name)=\(quoted(text)) is not one of: " + allowedTexts.joined(separator: ", ")
                }
                return check?(value).map { "\(name)=\(quoted(text)): \($0)" }
            })
    }
}

extension Parameter where Value == Int {
    /// An integer parameter limited to `range`.
    public init(_ name: String, required: Bool = false, unique: Bool = false, default defaultValue: Int? = nil,
                range: ClosedRange<Int>, short: String, long: String, deprecated: String? = nil,
                reloadable: Bool = false, fallback: Int? = nil) {
        self.init(name, required: required, unique: unique, default: defaultValue, short: short,
                  long: long + " Range: \(range.lowerBound) to \(range.upperBound).", deprecated: deprecated,
                  reloadable: reloadable, fallback: fallback,
                  check: { range.contains($0) ? nil : "must be between \(range.lowerBound) and \(range.upperBound)" })
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
