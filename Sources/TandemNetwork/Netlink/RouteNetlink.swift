/// The rtnetlink operations the agents need: links, addresses and routes of the calling
/// thread's network namespace, read and changed without running `ip`.
public final class RouteNetlink {
    /// The socket every request goes through.
    public let socket: NetlinkSocket

    /// Opens a route-netlink socket.
    /// - Parameter receiveTimeoutMilliseconds: the longest one kernel answer may take.
    /// - Throws: `NetlinkError.system` when the socket cannot be opened.
    public init(receiveTimeoutMilliseconds: Int = 5000) throws(NetlinkError) {
        socket = try NetlinkSocket(receiveTimeoutMilliseconds: receiveTimeoutMilliseconds)
    }

    /// Every interface. The corresponding netlink message is `RTM_GETLINK` (dump).
    public func links() throws(NetlinkError) -> [Link] {
        try socket.dump(NetlinkMessage(type: NL.getLink, flags: 0, payload: Self.linkHeader()), operation: "list links")
            .compactMap(Link.init)
    }

    /// The interface called `name` (or with `name` as an alternative name); nil when there is none.
    /// The corresponding netlink message is `RTM_GETLINK` with `IFLA_IFNAME` / `IFLA_ALT_IFNAME`.
    /// A name longer than `IFNAMSIZ - 1` (15 bytes) can only be an alternative name: the kernel's
    /// policy refuses it as `IFLA_IFNAME` with `ERANGE`, so it is looked up as `IFLA_ALT_IFNAME`
    /// alone, and `ERANGE` from the first lookup counts as "no such name" too.
    public func link(named name: String) throws(NetlinkError) -> Link? {
        let attributes = name.utf8.count > Self.maximumNameLength ? [NL.linkAltName] : [NL.linkName, NL.linkAltName]
        for attribute in attributes {
            var encoded = NetlinkAttributes()
            encoded.append(attribute, string: name)
            let request = NetlinkMessage(type: NL.getLink, flags: 0, payload: Self.linkHeader() + encoded.encoded())
            do {
                if let link = try lookUp(request, operation: "look up interface \(name)") { return link }
            } catch {
                if error.kernelCode == 34 && attribute == NL.linkName { continue }   // ERANGE: too long for IFLA_IFNAME
                throw error
            }
        }
        return nil
    }

    /// `IFNAMSIZ - 1`: the longest primary interface name.
    public static let maximumNameLength = 15

    /// The interface with index `index`; nil when it is gone. The corresponding netlink message is `RTM_GETLINK`.
    public func link(at index: InterfaceIndex) throws(NetlinkError) -> Link? {
        let request = NetlinkMessage(type: NL.getLink, flags: 0, payload: Self.linkHeader(index: index))
        return try lookUp(request, operation: "look up \(index)")
    }

    /// Every address of `family` on every interface. The corresponding netlink message is `RTM_GETADDR` (dump).
    public func addresses(family: AddressFamily) throws(NetlinkError) -> [InterfaceAddress] {
        let header = AddressRequest.header(family, prefixLength: 0, interface: InterfaceIndex(0))
        return try socket.dump(NetlinkMessage(type: NL.getAddress, flags: 0, payload: header),
                               operation: "list \(family) addresses")
            .compactMap(InterfaceAddress.init).filter { $0.address.family == family }
    }

    /// Every route of `family` in every table. The corresponding netlink message is `RTM_GETROUTE` (dump).
    public func routes(family: AddressFamily) throws(NetlinkError) -> [Route] {
        let header: [UInt8] = [family.kernelValue] + [UInt8](repeating: 0, count: 11)   // struct rtmsg
        return try socket.dump(NetlinkMessage(type: NL.getRoute, flags: 0, payload: header),
                               operation: "list \(family) routes")
            .compactMap(Route.init).filter { $0.destination.address.family == family }
    }

    /// Adds an address; fails with `EEXIST` when that exact address is already there.
    /// The corresponding netlink message is `RTM_NEWADDR`.
    public func add(_ request: AddressRequest) throws(NetlinkError) {
        try socket.perform(request.message(), operation: "add \(request.address)/\(request.prefixLength)")
    }

    /// Removes `address` from its interface. The corresponding netlink message is `RTM_DELADDR`.
    public func delete(_ address: InterfaceAddress) throws(NetlinkError) {
        var payload = AddressRequest.header(address.address.family, prefixLength: address.prefixLength,
                                            interface: address.interface)
        var attributes = NetlinkAttributes()
        attributes.append(NL.addrLocal, address.address.bytes)
        payload += attributes.encoded()
        try socket.perform(NetlinkMessage(type: NL.deleteAddress, flags: 0, payload: payload),
                           operation: "delete \(address.address)/\(address.prefixLength)")
    }

    /// Sets `IFF_UP` on an interface. The corresponding netlink message is `RTM_NEWLINK`.
    public func setUp(_ index: InterfaceIndex) throws(NetlinkError) {
        try socket.perform(NetlinkMessage(type: NL.newLink, flags: 0, payload: Self.linkHeader(index: index, up: true)),
                           operation: "set \(index) up")
    }

    /// An answer, or nil for `ENODEV` (no such interface).
    private func lookUp(_ request: NetlinkMessage, operation: String) throws(NetlinkError) -> Link? {
        do {
            return Link(try socket.query(request, operation: operation))
        } catch {
            if error.kernelCode == 19 { return nil }   // ENODEV
            throw error
        }
    }

    /// `struct ifinfomsg`: family unspecified, index, and `IFF_UP` in flags and change mask when asked.
    private static func linkHeader(index: InterfaceIndex = InterfaceIndex(0), up: Bool = false) -> [UInt8] {
        var bytes: [UInt8] = [0, 0, 0, 0]
        bytes.appendHostOrder(index.rawValue)
        bytes.appendHostOrder(UInt32(up ? 1 : 0))
        bytes.appendHostOrder(UInt32(up ? 1 : 0))
        return bytes
    }
}
