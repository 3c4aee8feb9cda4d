/// A route, as `RTM_NEWROUTE` describes it.
public struct Route: Sendable, Equatable {
    /// Route types (`rtm_type`) that the agents distinguish.
    public enum Kind: Sendable, Equatable {
        case unicast, local, broadcast, unreachable, blackhole, prohibit
        case other(UInt8)

        init(_ value: UInt8) {
            switch value {
            case 1: self = .unicast
            case 2: self = .local
            case 3: self = .broadcast
            case 6: self = .blackhole
            case 7: self = .unreachable
            case 8: self = .prohibit
            default: self = .other(value)
            }
        }
    }

    /// The main routing table (`RT_TABLE_MAIN`).
    public static let mainTable: UInt32 = 254
    /// The local table (`RT_TABLE_LOCAL`): the host's own and broadcast addresses.
    public static let localTable: UInt32 = 255

    /// Where the route leads: destination and prefix length (0 for a default route).
    public let destination: Prefix
    public let kind: Kind
    /// `RTA_TABLE`, else `rtm_table`.
    public let table: UInt32
    /// `rtm_protocol` (2 kernel, 3 boot, 4 static, …).
    public let protocolNumber: UInt8
    /// `RTA_OIF`; nil for multipath routes and routes without a device.
    public let outputInterface: InterfaceIndex?
    /// `RTA_PRIORITY`, the metric; 0 when absent.
    public let metric: UInt32
    /// `RTA_GATEWAY`.
    public let gateway: IPAddress?

    /// A route built directly (tests and callers that filter synthetic tables).
    public init(destination: Prefix, kind: Kind = .unicast, table: UInt32 = Route.mainTable, protocolNumber: UInt8 = 2,
                outputInterface: InterfaceIndex?, metric: UInt32 = 0, gateway: IPAddress? = nil) {
        self.destination = destination
        self.kind = kind
        self.table = table
        self.protocolNumber = protocolNumber
        self.outputInterface = outputInterface
        self.metric = metric
        self.gateway = gateway
    }

    /// Decodes an `RTM_NEWROUTE` message; nil when it is not an IPv4/IPv6 route.
    init?(_ message: NetlinkMessage) {
        let payload = message.payload
        guard message.type == NL.newRoute, payload.count >= 12, let family = AddressFamily(kernelValue: payload[0]) else {
            return nil
        }
        let attributes = NetlinkAttributes(decoding: payload[12...])
        let zero = IPAddress(checkedBytes: [UInt8](repeating: 0, count: family.byteCount), family: family)
        let address = attributes.first(NL.routeDestination).flatMap { IPAddress(bytes: $0) } ?? zero
        guard let destination = Prefix(address, length: Int(payload[1])) else { return nil }
        self.destination = destination
        protocolNumber = payload[5]
        kind = Kind(payload[7])
        table = attributes.integer(NL.routeTable, as: UInt32.self) ?? UInt32(payload[4])
        outputInterface = attributes.integer(NL.routeOutputInterface, as: Int32.self).map(InterfaceIndex.init)
        metric = attributes.integer(NL.routePriority, as: UInt32.self) ?? 0
        gateway = attributes.first(NL.routeGateway).flatMap { IPAddress(bytes: $0) }
    }
}
