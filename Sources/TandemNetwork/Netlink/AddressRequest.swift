/// An address to add to an interface (`RTM_NEWADDR`), with the options `ip addr add` knows.
public struct AddressRequest: Sendable, Equatable {
    /// The interface to add it to.
    public var interface: InterfaceIndex
    /// The address and its prefix length (the subnet it belongs to).
    public var address: IPAddress
    public var prefixLength: Int
    /// `IFA_BROADCAST` (IPv4 only; ignored for IPv6).
    public var broadcast: IPAddress?
    /// `IFA_LABEL` (IPv4 only), the full label such as `eth0:vip`.
    public var label: String?
    /// Extra flags: `.noDAD` (IPv6) and `.noPrefixRoute` are the meaningful ones.
    public var flags: AddressFlags
    /// Preferred lifetime in seconds (IPv6 `preferred_lft`); nil means forever.
    public var preferredLifetime: UInt32?

    /// - Parameters: see the properties.
    public init(interface: InterfaceIndex, address: IPAddress, prefixLength: Int, broadcast: IPAddress? = nil,
                label: String? = nil, flags: AddressFlags = [], preferredLifetime: UInt32? = nil) {
        self.interface = interface
        self.address = address
        self.prefixLength = prefixLength
        self.broadcast = broadcast
        self.label = label
        self.flags = flags
        self.preferredLifetime = preferredLifetime
    }

    /// The `RTM_NEWADDR` message that creates it (and fails with `EEXIST` if it is there).
    func message() -> NetlinkMessage {
        // Like iproute2's default_scope: 127.0.0.0/8 addresses are host-scoped (the kernel insists).
        let scope: UInt8 = address.family == .ipv4 && address.isLoopback ? 254 : 0
        var payload = Self.header(address.family, prefixLength: prefixLength, flags: flags, scope: scope,
                                  interface: interface)
        var attributes = NetlinkAttributes()
        attributes.append(NL.addrLocal, address.bytes)
        attributes.append(NL.addrAddress, address.bytes)
        if address.family == .ipv4 {
            if let broadcast { attributes.append(NL.addrBroadcast, broadcast.bytes) }
            if let label { attributes.append(NL.addrLabel, string: label) }
        }
        if !flags.isEmpty { attributes.append(NL.addrFlags, integer: flags.rawValue) }
        if let preferredLifetime {
            var info: [UInt8] = []
            for value in [preferredLifetime, UInt32.max, 0, 0] { info.appendHostOrder(value) }   // ifa_cacheinfo
            attributes.append(NL.addrCacheInfo, info)
        }
        payload += attributes.encoded()
        return NetlinkMessage(type: NL.newAddress, flags: NL.create | NL.exclusive, payload: payload)
    }

    /// `struct ifaddrmsg`: family, prefix length, the low 8 flag bits, scope (0 universe, 254 host), index.
    static func header(_ family: AddressFamily, prefixLength: Int, flags: AddressFlags = [], scope: UInt8 = 0,
                       interface: InterfaceIndex) -> [UInt8] {
        var bytes: [UInt8] = [family.kernelValue, UInt8(clamping: prefixLength), UInt8(truncatingIfNeeded: flags.rawValue),
                              scope]
        bytes.appendHostOrder(UInt32(bitPattern: interface.rawValue))
        return bytes
    }
}
