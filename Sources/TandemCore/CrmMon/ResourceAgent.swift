/// A resource agent specification split into class, provider and type.
///
/// Accepts all spellings crm_mon has used: `ocf:heartbeat:IPaddr2` (≥ 2.1),
/// `ocf::heartbeat:IPaddr2` (older), `stonith:fence_ipmilan`, `systemd:foo`, `lsb:bar`.
public struct ResourceAgent: Sendable, Hashable, CustomStringConvertible {
    /// The resource class (`ocf`, `stonith`, `systemd`, `lsb`, `service`, …).
    public var standard: String
    /// The provider; only the `ocf` class has one.
    public var provider: String?
    /// The agent's name within its class and provider.
    public var type: String

    /// - Parameters:
    ///   - standard: the resource class.
    ///   - provider: the provider (OCF only).
    ///   - type: the agent name.
    public init(standard: String, provider: String? = nil, type: String) {
        self.standard = standard
        self.provider = provider
        self.type = type
    }

    /// Parses a `class[:[:]provider]:type` specification.
    ///
    /// - Returns: nil when there is no class or no type.
    public init?(parsing text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard let agent = bytes.withUnsafeBufferPointer({ Self.parse($0) }) else { return nil }
        self = agent
    }

    /// Parses the specification straight from an XML attribute value.
    init?(_ value: XMLValue) { guard let agent = Self.parse(value.bytes) else { return nil }; self = agent }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> ResourceAgent? {
        let colon = UInt8(ascii: ":")
        guard let first = bytes.firstIndex(of: colon), first > 0 else { return nil }
        let standard = String(decoding: bytes[..<first], as: UTF8.self)
        var rest = bytes[(first + 1)...]
        // Only OCF has providers; other classes keep any further colons in the type.
        guard standard == "ocf" else {
            return rest.isEmpty ? nil : ResourceAgent(standard: standard, type: String(decoding: rest, as: UTF8.self))
        }
        if rest.first == colon { rest = rest.dropFirst() }  // legacy "ocf::provider:type"
        guard let second = rest.firstIndex(of: colon) else {
            return rest.isEmpty ? nil : ResourceAgent(standard: standard, type: String(decoding: rest, as: UTF8.self))
        }
        let type = rest[(second + 1)...]
        guard !type.isEmpty else { return nil }
        return ResourceAgent(standard: standard, provider: String(decoding: rest[..<second], as: UTF8.self),
                             type: String(decoding: type, as: UTF8.self))
    }

    /// The current spelling, `class:provider:type` or `class:type`.
    public var description: String {
        provider.map { "\(standard):\($0):\(type)" } ?? "\(standard):\(type)"
    }
}
