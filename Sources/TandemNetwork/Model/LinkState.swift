/// RFC 2863 operational state, as the kernel reports it in `IFLA_OPERSTATE`.
public enum OperationalState: UInt8, Sendable, CustomStringConvertible {
    case unknown = 0, notPresent, down, lowerLayerDown, testing, dormant, up

    public var description: String {
        switch self {
        case .unknown: "UNKNOWN"
        case .notPresent: "NOTPRESENT"
        case .down: "DOWN"
        case .lowerLayerDown: "LOWERLAYERDOWN"
        case .testing: "TESTING"
        case .dormant: "DORMANT"
        case .up: "UP"
        }
    }
}

/// Whether a link can carry traffic: administratively up (`IFF_UP`) and not reported
/// down by the driver (no carrier gives `DOWN`, a downed lower device `LOWERLAYERDOWN`).
public struct LinkState: Sendable, Equatable, CustomStringConvertible {
    /// `IFF_UP`: an admin (or an agent) set the link up.
    public let administrativelyUp: Bool
    /// `IFF_LOWER_UP`: the driver signals carrier.
    public let lowerUp: Bool
    /// `IFLA_OPERSTATE`.
    public let operationalState: OperationalState

    /// Builds the state from `ifi_flags` and `IFLA_OPERSTATE`.
    public init(flags: UInt32, operationalState: OperationalState) {
        administrativelyUp = flags & 0x1 != 0          // IFF_UP
        lowerUp = flags & 0x10000 != 0                 // IFF_LOWER_UP
        self.operationalState = operationalState
    }

    /// Up, as IPaddr2's `check_link_status` sees it: `IFF_UP`, and the operational state is
    /// neither DOWN nor LOWERLAYERDOWN (nor NOTPRESENT). UNKNOWN (loopback, some drivers) counts as up.
    public var isUp: Bool {
        administrativelyUp && ![.down, .lowerLayerDown, .notPresent].contains(operationalState)
    }

    public var description: String {
        (administrativelyUp ? "UP" : "ADMIN-DOWN") + ", state \(operationalState)" + (lowerUp ? "" : ", no carrier")
    }
}
