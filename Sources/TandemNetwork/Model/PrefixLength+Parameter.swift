import TandemCore

/// A prefix length as an agent parameter (floating-ip's `cidr_netmask`): parsed once, at the edge.
extension PrefixLength: OCFParameterValue {
    /// A string, not an integer: a dotted mask is a valid value too.
    public static var contentType: ParameterContentType { .string }
    public init?(ocfText: String) { self.init(ocfText) }
    public var ocfText: String { description }
    public static var expectation: String { "a prefix length (1 to 128) or a contiguous dotted mask" }
}
