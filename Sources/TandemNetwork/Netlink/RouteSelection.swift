/// Which interface and prefix length an address belongs to, decided from the routing
/// table the way resource-agents' `findif` does it.
public enum RouteSelection {
    /// Picks the route that `address` (optionally `address/prefixLength`) lives on.
    ///
    /// Candidates are main-table unicast routes with an output device and no gateway whose
    /// destination covers the address (and, when a prefix length is given, is no longer than
    /// it); default, unreachable, blackhole and prohibit routes never qualify. With
    /// `interface`, only routes through it count. The lowest metric wins, then the longest
    /// prefix, then the lowest interface index (so the answer is stable). An IPv4 loopback
    /// address falls back to the local table's `127.0.0.0/8 dev lo`.
    /// - Returns: the route, or nil when nothing matches.
    public static func route(for address: IPAddress, prefixLength: Int? = nil, interface: InterfaceIndex? = nil,
                             among routes: [Route]) -> Route? {
        func qualifies(_ route: Route) -> Bool {
            guard route.destination.address.family == address.family, route.destination.length > 0,
                  let device = route.outputInterface, interface == nil || interface == device,
                  route.destination.contains(address) else { return false }
            if let prefixLength, route.destination.length > prefixLength { return false }
            return true
        }
        let candidates = routes.filter {
            qualifies($0) && $0.table == Route.mainTable && $0.kind == .unicast && $0.gateway == nil
        }
        if let best = candidates.min(by: isPreferred) { return best }
        guard address.family == .ipv4, address.isLoopback else { return nil }
        return routes.filter {
            qualifies($0) && $0.table == Route.localTable && $0.kind == .local && $0.destination.length < 32
        }.min(by: isPreferred)
    }

    private static func isPreferred(_ lhs: Route, _ rhs: Route) -> Bool {
        if lhs.metric != rhs.metric { return lhs.metric < rhs.metric }
        if lhs.destination.length != rhs.destination.length { return lhs.destination.length > rhs.destination.length }
        return (lhs.outputInterface?.rawValue ?? 0) < (rhs.outputInterface?.rawValue ?? 0)
    }
}
