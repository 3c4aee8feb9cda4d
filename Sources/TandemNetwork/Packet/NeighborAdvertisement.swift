/// An unsolicited ICMPv6 neighbour advertisement (RFC 4861 §7.2.6) in an Ethernet frame,
/// as resource-agents' `send_ua` sends it: from the address to all nodes (ff02::1), hop
/// limit 255, the Override flag, and the target link-layer address option.
public struct NeighborAdvertisement: Sendable, Equatable {
    public var ethernetDestination: MACAddress
    public var ethernetSource: MACAddress
    public var source: IPAddress
    public var destination: IPAddress
    public var hopLimit: UInt8
    /// R, S, O: router, solicited, override.
    public var router: Bool, solicited: Bool, override: Bool
    public var target: IPAddress
    /// The target link-layer address option, when present.
    public var targetHardware: MACAddress?
    /// True when the ICMPv6 checksum in a parsed frame was correct (always true for built ones).
    public var checksumValid: Bool

    /// ff02::1, all nodes on the link.
    public static let allNodes = IPAddress(checkedBytes: [0xff, 0x02] + [UInt8](repeating: 0, count: 13) + [1], family: .ipv6)

    /// The unsolicited advertisement of `address` at `hardware`.
    public static func announcement(of address: IPAddress, at hardware: MACAddress) -> NeighborAdvertisement {
        NeighborAdvertisement(ethernetDestination: .ipv6Multicast(allNodes), ethernetSource: hardware,
                              source: address, destination: allNodes, hopLimit: 255,
                              router: false, solicited: false, override: true,
                              target: address, targetHardware: hardware, checksumValid: true)
    }

    /// The frame on the wire: Ethernet, IPv6 header, ICMPv6 type 136 with its checksum.
    public func frame() -> [UInt8] {
        var icmp: [UInt8] = [136, 0, 0, 0]
        icmp.append((router ? 0x80 : 0) | (solicited ? 0x40 : 0) | (override ? 0x20 : 0))
        icmp += [0, 0, 0] + target.bytes
        if let targetHardware { icmp += [2, 1] + targetHardware.bytes }
        let checksum = Self.checksum(source: source, destination: destination, icmp: icmp)
        icmp[2] = UInt8(checksum >> 8)
        icmp[3] = UInt8(checksum & 0xff)
        var bytes = ethernetDestination.bytes + ethernetSource.bytes
        bytes.appendNetworkOrder(UInt16(0x86dd))
        bytes += [0x60, 0, 0, 0]                       // version 6, traffic class 0, flow label 0
        bytes.appendNetworkOrder(UInt16(icmp.count))
        bytes += [58, hopLimit]                        // next header ICMPv6
        return bytes + source.bytes + destination.bytes + icmp
    }

    /// Parses an Ethernet/IPv6 frame holding a neighbour advertisement; nil for anything else.
    public init?(frame: [UInt8]) {
        guard frame.count >= 14 + 40 + 24, frame.networkOrder(UInt16.self, at: 12) == 0x86dd,
              frame[14] >> 4 == 6, frame[20] == 58, frame[54] == 136, frame[55] == 0,
              let destinationMAC = MACAddress(bytes: frame[0..<6]), let sourceMAC = MACAddress(bytes: frame[6..<12]),
              let source = IPAddress(bytes: frame[22..<38]), let destination = IPAddress(bytes: frame[38..<54]),
              let target = IPAddress(bytes: frame[62..<78]) else { return nil }
        let length = Int(frame.networkOrder(UInt16.self, at: 18))
        guard length >= 24, 54 + length <= frame.count else { return nil }
        let icmp = Array(frame[54..<(54 + length)])
        var option: MACAddress?
        var offset = 24
        while offset + 8 <= icmp.count, icmp[offset + 1] > 0 {
            if icmp[offset] == 2 { option = MACAddress(bytes: icmp[(offset + 2)..<(offset + 8)]) }
            offset += Int(icmp[offset + 1]) * 8
        }
        self.init(ethernetDestination: destinationMAC, ethernetSource: sourceMAC, source: source,
                  destination: destination, hopLimit: frame[21], router: icmp[4] & 0x80 != 0,
                  solicited: icmp[4] & 0x40 != 0, override: icmp[4] & 0x20 != 0, target: target,
                  targetHardware: option,
                  checksumValid: Self.checksum(source: source, destination: destination, icmp: icmp) == 0)
    }

    init(ethernetDestination: MACAddress, ethernetSource: MACAddress, source: IPAddress, destination: IPAddress,
         hopLimit: UInt8, router: Bool, solicited: Bool, override: Bool, target: IPAddress,
         targetHardware: MACAddress?, checksumValid: Bool) {
        self.ethernetDestination = ethernetDestination
        self.ethernetSource = ethernetSource
        self.source = source
        self.destination = destination
        self.hopLimit = hopLimit
        self.router = router
        self.solicited = solicited
        self.override = override
        self.target = target
        self.targetHardware = targetHardware
        self.checksumValid = checksumValid
    }

    /// The Internet checksum over the IPv6 pseudo-header and `icmp` (0 when `icmp`
    /// already carries a correct checksum).
    static func checksum(source: IPAddress, destination: IPAddress, icmp: [UInt8]) -> UInt16 {
        var pseudo = source.bytes + destination.bytes
        pseudo.appendNetworkOrder(UInt32(icmp.count))
        pseudo += [0, 0, 0, 58]
        var sum: UInt32 = 0
        let bytes = pseudo + icmp + (icmp.count % 2 == 1 ? [0] : [])
        for index in stride(from: 0, to: bytes.count, by: 2) {
            sum += UInt32(bytes[index]) << 8 | UInt32(bytes[index + 1])
        }
        while sum >> 16 != 0 { sum = (sum & 0xffff) + (sum >> 16) }
        return ~UInt16(sum)
    }
}
