/// A network interface, as `RTM_NEWLINK` describes it.
public struct Link: Sendable, Equatable {
    /// The kernel's index for it.
    public let index: InterfaceIndex
    /// `IFLA_IFNAME`.
    public let name: String
    /// `IFLA_ALT_IFNAME` entries (udev's predictable names), possibly none.
    public let alternativeNames: [String]
    /// `ifi_type` (`ARPHRD_ETHER` = 1, `ARPHRD_LOOPBACK` = 772, …).
    public let hardwareType: UInt16
    /// `ifi_flags` (`IFF_*`).
    public let flags: UInt32
    /// Up or down, from the flags and `IFLA_OPERSTATE`.
    public let state: LinkState
    /// `IFLA_ADDRESS` when it is an Ethernet-sized address.
    public let hardwareAddress: MACAddress?

    /// `ARPHRD_INFINIBAND`: an IPoIB link.
    public static let infiniBandHardwareType: UInt16 = 32

    /// An Ethernet-like link (gratuitous ARP and neighbour advertisements make sense on it).
    public var isEthernet: Bool { hardwareType == 1 && hardwareAddress != nil }

    /// `IFF_LOOPBACK`.
    public var isLoopback: Bool { flags & 0x8 != 0 }

    /// True when `name` is this link's name or one of its alternative names.
    public func isNamed(_ name: String) -> Bool { self.name == name || alternativeNames.contains(name) }

    /// Decodes an `RTM_NEWLINK` message; nil when it is too short.
    init?(_ message: NetlinkMessage) {
        let payload = message.payload
        guard message.type == NL.newLink, payload.count >= 16 else { return nil }
        hardwareType = payload.hostOrder(UInt16.self, at: 2)
        index = InterfaceIndex(payload.hostOrder(Int32.self, at: 4))
        flags = payload.hostOrder(UInt32.self, at: 8)
        let attributes = NetlinkAttributes(decoding: payload[16...])
        name = attributes.string(NL.linkName) ?? ""
        alternativeNames = attributes.first(NL.linkPropertyList).map {
            NetlinkAttributes(decoding: $0[...]).all(NL.linkAltName).map { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        } ?? []
        let operational = attributes.integer(NL.linkOperState, as: UInt8.self).flatMap(OperationalState.init) ?? .unknown
        state = LinkState(flags: flags, operationalState: operational)
        hardwareAddress = attributes.first(NL.linkAddress).flatMap { MACAddress(bytes: $0) }
    }
}
