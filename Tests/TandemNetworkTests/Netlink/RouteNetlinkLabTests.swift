import Testing
import TandemNetwork
import TandemTestSupport

/// The rtnetlink layer against a real kernel, inside a throw-away namespace.
@Suite(.enabled(if: NamespaceLab.isRoot, "needs root for network namespaces"))
struct RouteNetlinkLabTests {
    @Test func linksAddressesAndRoutes() throws {
        let lab = try NamespaceLab()
        defer { lab.remove() }
        try lab.ip("addr", "add", "10.20.0.1/24", "dev", "eth0")
        try NetworkNamespace.perform(in: lab.node) {
            let netlink = try RouteNetlink()
            let links = try netlink.links()
            #expect(Set(links.map(\.name)) == ["lo", "eth0"])
            let eth0 = try #require(try netlink.link(named: "eth0"))
            #expect(eth0.isEthernet && eth0.state.isUp)
            #expect(try netlink.link(named: "nope0") == nil)
            #expect(try netlink.link(at: eth0.index)?.name == "eth0")
            let routes = try netlink.routes(family: .ipv4)
            let route = try #require(RouteSelection.route(for: try addr("10.20.0.99"), among: routes))
            #expect(route.outputInterface == eth0.index && route.destination.length == 24)

            let request = AddressRequest(interface: eth0.index, address: try addr("10.20.0.50"), prefixLength: 24,
                                         broadcast: try addr("10.20.0.255"), label: "eth0:t")
            try netlink.add(request)
            #expect(throws: NetlinkError.self) { try netlink.add(request) }   // EEXIST
            let added = try #require(try netlink.addresses(family: .ipv4).first { $0.address == request.address })
            #expect(added.prefixLength == 24 && added.label == "eth0:t" && added.broadcast == request.broadcast)
            #expect(added.interface == eth0.index)
            try netlink.delete(added)
            #expect(try netlink.addresses(family: .ipv4).allSatisfy { $0.address != request.address })
            do {
                try netlink.delete(added)
                Issue.record("deleting twice must fail")
            } catch let error as NetlinkError {
                #expect(error.kernelCode == 99)   // EADDRNOTAVAIL
            }
        }
    }

    @Test func kernelRefusalsCarryTheErrno() throws {
        let lab = try NamespaceLab()
        defer { lab.remove() }
        try NetworkNamespace.perform(in: lab.node) {
            let netlink = try RouteNetlink()
            let request = AddressRequest(interface: InterfaceIndex(9999), address: try addr("10.1.1.1"), prefixLength: 24)
            do {
                try netlink.add(request)
                Issue.record("adding to a missing interface must fail")
            } catch let error as NetlinkError {
                #expect(error.kernelCode == 19)   // ENODEV
            }
        }
    }

    @Test func setUpAndLinkState() throws {
        let lab = try NamespaceLab()
        defer { lab.remove() }
        try lab.ip("link", "set", "eth0", "down")
        try NetworkNamespace.perform(in: lab.node) {
            let netlink = try RouteNetlink()
            let down = try #require(try netlink.link(named: "eth0"))
            #expect(!down.state.administrativelyUp && !down.state.isUp)
            try netlink.setUp(down.index)
            #expect(try netlink.link(at: down.index)?.state.administrativelyUp == true)
        }
    }

    @Test func missingNamespaceIsReported() {
        #expect(throws: NetworkNamespace.Failure.notFound("tandem-no-such-ns")) {
            try NetworkNamespace.enter("tandem-no-such-ns")
        }
        #expect(NetworkNamespace.isValidName("vip-ns_1.a"))
        #expect(!NetworkNamespace.isValidName("a/b") && !NetworkNamespace.isValidName("..") && !NetworkNamespace.isValidName("$(x)"))
    }
}
