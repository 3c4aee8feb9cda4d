import TandemCore

/// An iSCSI portal: an address and a TCP port, written `ip:port`, `[ipv6]:port`, or the
/// address alone for port 3260. `0.0.0.0` and `::` listen on every address.
public struct Portal: Hashable, Sendable, CustomStringConvertible {
    public let address: IPAddress
    public let port: UInt16

    public static let defaultPort: UInt16 = 3260

    public init(address: IPAddress, port: UInt16 = Portal.defaultPort) {
        self.address = address
        self.port = port
    }

    public init?(_ text: String) {
        // By bytes (the delimiters are ASCII): every portal is parsed at each agent call.
        let bytes = text.utf8, colonByte = UInt8(ascii: ":")
        var addressText = Substring(text)
        var port = Portal.defaultPort
        if bytes.first == UInt8(ascii: "[") {
            guard let close = bytes.firstIndex(of: UInt8(ascii: "]")) else { return nil }
            addressText = text[bytes.index(after: bytes.startIndex)..<close]
            let rest = bytes.index(after: close)
            if rest != bytes.endIndex {
                guard bytes[rest] == colonByte, let number = Self.port(text[bytes.index(after: rest)...]) else { return nil }
                port = number
            }
            guard addressText.utf8.contains(colonByte) else { return nil }  // brackets are for IPv6
        } else if let colon = bytes.lastIndex(of: colonByte) {
            // An IPv6 address needs brackets when a port follows; without a port it may stand alone.
            if bytes.firstIndex(of: colonByte) == colon {
                guard let number = Self.port(text[bytes.index(after: colon)...]) else { return nil }
                addressText = text[..<colon]
                port = number
            }
        }
        guard let address = IPAddress(String(addressText)) else { return nil }
        self.address = address
        self.port = port
    }

    private static func port(_ text: Substring) -> UInt16? {
        guard let value = decimalNumber(text, maxDigits: 5), (1...65535).contains(value) else { return nil }
        return UInt16(value)
    }

    /// Listens on every address of its family.
    public var isWildcard: Bool { address.bytes.allSatisfy { $0 == 0 } }

    /// `192.0.2.1:3260`, `[2001:db8::1]:3260`: the form LIO's configfs and iscsiadm use.
    public var description: String {
        address.family == .ipv6 ? "[\(address)]:\(port)" : "\(address):\(port)"
    }
}

extension Portal: OCFParameterValue {
    public static var contentType: ParameterContentType { .string }
    public init?(ocfText: String) { self.init(ocfText) }
    public var ocfText: String { description }
    public static var expectation: String { "a portal (ip:port, [ipv6]:port, or an address for port 3260)" }
}
