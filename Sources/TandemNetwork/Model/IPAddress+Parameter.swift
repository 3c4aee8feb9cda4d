import TandemCore

/// An address as an agent parameter (floating-ip's `ip`): parsed once, at the edge.
extension IPAddress: OCFParameterValue {
    public static var contentType: ParameterContentType { .string }
    public init?(ocfText: String) { self.init(ocfText) }
    public var ocfText: String { description }
    public static var expectation: String { "an IPv4 or IPv6 address" }
}
