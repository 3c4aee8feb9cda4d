import TandemCore
import TandemNetwork

/// Where the address goes: the interface and the prefix length, from the parameters or,
/// like IPaddr2's findif, from the routing table.
struct Placement {
    let link: Link
    let prefixLength: Int

    /// Why no placement could be found on this host.
    enum Failure: Error, CustomStringConvertible {
        case noSuchInterface(String)
        case noRoute(String)
        case labelTooLong(String)
        /// A link floating-ip cannot announce the address on (IPoIB).
        case unannounceable(String)
        case netlink(NetlinkError)

        var description: String {
            switch self {
            case .noSuchInterface(let name): "interface \(name) does not exist"
            case .noRoute(let reason): reason
            case .labelTooLong(let label): "label \(label) is longer than 15 characters"
            case .unannounceable(let reason): reason
            case .netlink(let error): error.description
            }
        }
    }

    /// Resolves nic and prefix length. An explicit nic wins; a route lookup runs unless
    /// both nic and cidr_netmask are given.
    static func resolve(_ configuration: Configuration, netlink: RouteNetlink) throws(Failure) -> Placement {
        func kernel<T>(_ body: () throws(NetlinkError) -> T) throws(Failure) -> T {
            do { return try body() } catch { throw .netlink(error) }
        }
        var link: Link?
        if let nic = configuration.nic {
            guard let found = try kernel({ () throws(NetlinkError) in try netlink.link(named: nic) }) else {
                throw .noSuchInterface(nic)
            }
            link = found
        }
        var prefixLength = configuration.prefixLength
        if link == nil || prefixLength == nil {
            let routes = try kernel { () throws(NetlinkError) in try netlink.routes(family: configuration.address.family) }
            guard let route = RouteSelection.route(for: configuration.address, prefixLength: prefixLength,
                                                   interface: link?.index, among: routes),
                  let device = route.outputInterface else {
                throw .noRoute(noRouteReason(configuration))
            }
            if link == nil {
                guard let found = try kernel({ () throws(NetlinkError) in try netlink.link(at: device) }) else {
                    throw .noRoute("the route for \(configuration.address) leads to \(device), which is gone")
                }
                link = found
            }
            prefixLength = prefixLength ?? route.destination.length
        }
        guard let link, let prefixLength else { throw .noRoute(noRouteReason(configuration)) }
        if let problem = hardwareProblem(interface: link.name, hardwareType: link.hardwareType) {
            throw .unannounceable(problem)
        }
        if let label = configuration.label(on: link.name), label.utf8.count > 15 {
            throw .labelTooLong(label)
        }
        return Placement(link: link, prefixLength: prefixLength)
    }

    /// The interface the address is expected on for monitor and stop: the placement's, or,
    /// when no route matches any more (with auto-detected nic), the interface that holds it.
    /// - Returns: nil when nic is set but gone, or nothing matches and nothing holds it.
    static func expectedInterface(_ configuration: Configuration, netlink: RouteNetlink,
                                  present: [InterfaceAddress]) throws(NetlinkError) -> InterfaceIndex? {
        if let nic = configuration.nic { return try netlink.link(named: nic)?.index }
        let routes = try netlink.routes(family: configuration.address.family)
        if let route = RouteSelection.route(for: configuration.address, prefixLength: configuration.prefixLength,
                                            among: routes), let device = route.outputInterface {
            return device
        }
        return present.count == 1 ? present.first?.interface : nil
    }

    /// Why the address cannot float on a link of this hardware type, nil when it can. IPaddr2
    /// announces on IPoIB links with ipoibarping; floating-ip sends no IPoIB announcements, so
    /// after a failover the other nodes would keep the old node's hardware address.
    static func hardwareProblem(interface name: String, hardwareType: UInt16) -> String? {
        guard hardwareType == Link.infiniBandHardwareType else { return nil }
        return "interface \(name) is InfiniBand (IPoIB): floating-ip sends no IPoIB announcements; use ocf:heartbeat:IPaddr2 there"
    }

    private static func noRouteReason(_ configuration: Configuration) -> String {
        let target = configuration.address.description + (configuration.prefixLength.map { "/\($0)" } ?? "")
        let device = configuration.nic.map { " through \($0)" } ?? ""
        return "unable to find nic or netmask: no route covers \(target)\(device) "
            + "(default, unreachable, blackhole, prohibit and gatewayed routes do not count); set nic and cidr_netmask"
    }
}
