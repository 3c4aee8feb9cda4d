import TandemCore

/// A lifetime as an agent parameter (floating-ip's `preferred_lft`): parsed once, at the edge.
extension AddressLifetime: OCFParameterValue {
    public static var contentType: ParameterContentType { .string }
    public init?(ocfText: String) { self.init(ocfText) }
    public var ocfText: String { description }
    public static var expectation: String { "forever or a number of seconds" }
}
