import Testing
@testable import TandemNetwork

@Suite struct RouteSelectionTests {
    static func route(_ destination: String, _ length: Int, dev: Int32?, metric: UInt32 = 0, kind: Route.Kind = .unicast,
                      table: UInt32 = Route.mainTable, via: String? = nil) -> Route {
        Route(destination: Prefix(IPAddress(destination)!, length: length)!, kind: kind, table: table,
              outputInterface: dev.map(InterfaceIndex.init), metric: metric, gateway: via.flatMap { IPAddress($0) })
    }

    static let table: [Route] = [
        route("0.0.0.0", 0, dev: 2, via: "10.0.0.254"),                 // default: never
        route("10.0.0.0", 24, dev: 2),
        route("10.0.1.0", 24, dev: 3),
        route("10.7.0.0", 16, dev: 3, metric: 100),
        route("10.7.0.0", 16, dev: 2, metric: 50),                       // lower metric wins
        route("10.8.0.0", 24, dev: nil, kind: .blackhole),
        route("10.9.0.0", 24, dev: nil, kind: .unreachable),
        route("10.10.0.0", 24, dev: 2, kind: .prohibit),
        route("172.16.0.0", 12, dev: 2, via: "10.0.0.254"),              // through a gateway: not on-link
        route("127.0.0.0", 8, dev: 1, kind: .local, table: Route.localTable),
        route("10.0.0.5", 32, dev: 2, kind: .local, table: Route.localTable),
        route("2001:db8::", 64, dev: 2, metric: 256),
        route("2001:db8::", 64, dev: 3, metric: 1024),
        route("fe80::", 64, dev: 2, metric: 256),
        route("fe80::", 64, dev: 3, metric: 256),
    ]

    func pick(_ address: String, length: Int? = nil, dev: Int32? = nil) -> String? {
        RouteSelection.route(for: IPAddress(address)!, prefixLength: length, interface: dev.map(InterfaceIndex.init),
                             among: Self.table).map { "\($0.destination) dev \($0.outputInterface?.rawValue ?? 0)" }
    }

    @Test func connectedRoutesMatch() {
        #expect(pick("10.0.0.50") == "10.0.0.0/24 dev 2")
        #expect(pick("10.0.1.50") == "10.0.1.0/24 dev 3")
    }

    @Test func lowestMetricWins() {
        #expect(pick("10.7.3.3") == "10.7.0.0/16 dev 2")
        #expect(pick("10.7.3.3", dev: 3) == "10.7.0.0/16 dev 3")
        #expect(pick("2001:db8::50") == "2001:db8::/64 dev 2")
    }

    @Test func defaultBlackholeUnreachableProhibitAndGatewayRoutesNeverMatch() {
        for address in ["192.0.2.1", "10.8.0.1", "10.9.0.1", "10.10.0.1", "172.16.5.5"] {
            #expect(pick(address) == nil, "\(address)")
        }
    }

    @Test func explicitInterfaceFilters() {
        #expect(pick("10.0.0.50", dev: 3) == nil)
        #expect(pick("fe80::99", dev: 3) == "fe80::/64 dev 3")
    }

    @Test func givenPrefixMustLieWithinTheRoute() {
        #expect(pick("10.0.0.50", length: 25) == "10.0.0.0/24 dev 2")   // narrower: fine
        #expect(pick("10.0.0.50", length: 24) == "10.0.0.0/24 dev 2")
        #expect(pick("10.0.0.50", length: 16) == nil)                   // wider than the subnet: no
    }

    @Test func loopbackFallsBackToTheLocalTable() {
        #expect(pick("127.0.0.3") == "127.0.0.0/8 dev 1")
        #expect(pick("127.0.0.3", dev: 2) == nil, "lo's subnet, not eth's")
    }
}
