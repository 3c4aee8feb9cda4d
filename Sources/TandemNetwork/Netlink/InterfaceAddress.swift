/// An address configured on an interface, as `RTM_NEWADDR` describes it.
public struct InterfaceAddress: Sendable, Equatable {
    /// The interface it is on.
    public let interface: InterfaceIndex
    /// The address itself (`IFA_LOCAL`, or `IFA_ADDRESS` where there is no local, as for IPv6).
    public let address: IPAddress
    /// `ifa_prefixlen`.
    public let prefixLength: Int
    /// `IFA_FLAGS` (or the 8-bit `ifa_flags` from kernels without it).
    public let flags: AddressFlags
    /// `ifa_scope` (0 global, 253 link, 254 host).
    public let scope: UInt8
    /// `IFA_LABEL` (IPv4 only), e.g. `eth0:vip`.
    public let label: String?
    /// `IFA_BROADCAST` (IPv4 only).
    public let broadcast: IPAddress?
    /// `ifa_prefered` of `IFA_CACHEINFO` in seconds; `UInt32.max` is forever.
    public let preferredLifetime: UInt32?

    /// Decodes an `RTM_NEWADDR` message; nil when it is too short or has no address.
    init?(_ message: NetlinkMessage) {
        let payload = message.payload
        guard message.type == NL.newAddress, payload.count >= 8 else { return nil }
        prefixLength = Int(payload[1])
        scope = payload[3]
        interface = InterfaceIndex(Int32(bitPattern: payload.hostOrder(UInt32.self, at: 4)))
        let attributes = NetlinkAttributes(decoding: payload[8...])
        guard let bytes = attributes.first(NL.addrLocal) ?? attributes.first(NL.addrAddress),
              let address = IPAddress(bytes: bytes) else { return nil }
        self.address = address
        flags = AddressFlags(rawValue: attributes.integer(NL.addrFlags, as: UInt32.self) ?? UInt32(payload[2]))
        label = attributes.string(NL.addrLabel)
        broadcast = attributes.first(NL.addrBroadcast).flatMap { IPAddress(bytes: $0) }
        preferredLifetime = attributes.first(NL.addrCacheInfo).flatMap { $0.count >= 16 ? $0.hostOrder(UInt32.self, at: 0) : nil }
    }
}
