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
        var addressText = Substring(text)
        var port = Portal.defaultPort
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            addressText = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":"), let number = Self.port(rest.dropFirst()) else { return nil }
                port = number
            }
            guard addressText.contains(":") else { return nil }  // brackets are for IPv6
        } else if let colon = text.lastIndex(of: ":") {
            // An IPv6 address needs brackets when a port follows; without a port it may stand alone.
            if text.firstIndex(of: ":") == colon {
                guard let number = Self.port(text[text.index(after: colon)...]) else { return nil }
                addressText = text[..<colon]
                port = number
            }
        }
        guard let address = IPAddress(String(addressText)) else { return nil }
        self.address = address
        self.port = port
    }

    private static func port(_ text: Substring) -> UInt16? {
        guard !text.isEmpty, text.count <= 5, text.allSatisfy({ $0.isASCII && $0.isNumber }),
              let value = UInt16(text), value > 0 else { return nil }
        return value
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
