/// An Ethernet ARP packet for IPv4 (RFC 826), built for announcements and parsed from captures.
public struct ARPPacket: Sendable, Equatable {
    /// ARP request (1) or reply (2).
    public enum Operation: UInt16, Sendable {
        case request = 1, reply = 2
    }

    public var ethernetDestination: MACAddress
    public var ethernetSource: MACAddress
    public var operation: Operation
    public var senderHardware: MACAddress
    public var senderProtocol: IPAddress
    public var targetHardware: MACAddress
    public var targetProtocol: IPAddress

    /// The gratuitous ARP that announces `address` at `hardware`, as iputils `arping -U`
    /// (request) or `arping -A` (reply) and resource-agents' `send_arp` send it: broadcast,
    /// sender and target address both `address`; the target hardware address is broadcast
    /// in a request and the sender's own in a reply.
    public static func announcement(of address: IPAddress, at hardware: MACAddress, as operation: Operation) -> ARPPacket {
        ARPPacket(ethernetDestination: .broadcast, ethernetSource: hardware, operation: operation,
                  senderHardware: hardware, senderProtocol: address,
                  targetHardware: operation == .request ? .broadcast : hardware, targetProtocol: address)
    }

    /// - Parameters: the Ethernet and ARP fields.
    public init(ethernetDestination: MACAddress, ethernetSource: MACAddress, operation: Operation,
                senderHardware: MACAddress, senderProtocol: IPAddress, targetHardware: MACAddress,
                targetProtocol: IPAddress) {
        self.ethernetDestination = ethernetDestination
        self.ethernetSource = ethernetSource
        self.operation = operation
        self.senderHardware = senderHardware
        self.senderProtocol = senderProtocol
        self.targetHardware = targetHardware
        self.targetProtocol = targetProtocol
    }

    /// The EtherType of ARP.
    public static let etherType: UInt16 = 0x0806

    /// The frame on the wire, padded to the 60-byte Ethernet minimum.
    public func frame() -> [UInt8] {
        var bytes = ethernetDestination.bytes + ethernetSource.bytes
        bytes.appendNetworkOrder(ARPPacket.etherType)
        bytes.appendNetworkOrder(UInt16(1))        // hardware type Ethernet
        bytes.appendNetworkOrder(UInt16(0x0800))   // protocol IPv4
        bytes += [6, 4]
        bytes.appendNetworkOrder(operation.rawValue)
        bytes += senderHardware.bytes + senderProtocol.bytes + targetHardware.bytes + targetProtocol.bytes
        return bytes + [UInt8](repeating: 0, count: max(0, 60 - bytes.count))
    }

    /// Parses an Ethernet/IPv4 ARP frame; nil for anything else.
    public init?(frame: [UInt8]) {
        guard frame.count >= 42, frame.networkOrder(UInt16.self, at: 12) == ARPPacket.etherType,
              frame.networkOrder(UInt16.self, at: 14) == 1, frame.networkOrder(UInt16.self, at: 16) == 0x0800,
              frame[18] == 6, frame[19] == 4,
              let operation = Operation(rawValue: frame.networkOrder(UInt16.self, at: 20)),
              let destination = MACAddress(bytes: frame[0..<6]), let source = MACAddress(bytes: frame[6..<12]),
              let senderHardware = MACAddress(bytes: frame[22..<28]), let senderProtocol = IPAddress(bytes: frame[28..<32]),
              let targetHardware = MACAddress(bytes: frame[32..<38]), let targetProtocol = IPAddress(bytes: frame[38..<42])
        else { return nil }
        self.init(ethernetDestination: destination, ethernetSource: source, operation: operation,
                  senderHardware: senderHardware, senderProtocol: senderProtocol,
                  targetHardware: targetHardware, targetProtocol: targetProtocol)
    }
}
