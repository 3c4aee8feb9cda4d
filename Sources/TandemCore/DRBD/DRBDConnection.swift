/// The connection from this node to one peer of a resource.
///
/// DRBD 8.4 has exactly one peer and no node ids; drbd-utils 9 reports it as
/// `peer-node-id:0 conn-name:peer`, and the /proc/drbd reader does the same.
public struct DRBDConnection: Sendable, Equatable {
    /// The peer's node id.
    public var peerNodeID: Int
    /// The connection name (`conn-name:` / `"name"`; by default the peer's host name).
    public var name: String?
    /// The connection state.
    public var state: ConnectionState
    /// The peer's role as last known (`Unknown` while not connected).
    public var peerRole: DRBDRole
    /// Whether the send buffer is congested, when reported.
    public var congested: Bool?
    /// Application writes in flight to this peer (`ap-in-flight`, `status --json`), when reported.
    public var applicationInFlight: Int?
    /// Resync requests in flight to this peer (`rs-in-flight`, `status --json`), when reported.
    public var resyncInFlight: Int?
    /// One entry per volume shared with this peer.
    public var peerDevices: [DRBDPeerDevice]

    /// A connection state with the given values.
    public init(peerNodeID: Int, name: String? = nil, state: ConnectionState, peerRole: DRBDRole,
                congested: Bool? = nil, applicationInFlight: Int? = nil, resyncInFlight: Int? = nil,
                peerDevices: [DRBDPeerDevice] = []) {
        self.peerNodeID = peerNodeID
        self.name = name
        self.state = state
        self.peerRole = peerRole
        self.congested = congested
        self.applicationInFlight = applicationInFlight
        self.resyncInFlight = resyncInFlight
        self.peerDevices = peerDevices
    }

    /// The peer device of `volume`, if present.
    public func peerDevice(volume: Int) -> DRBDPeerDevice? {
        peerDevices.first { $0.volume == volume }
    }
}
