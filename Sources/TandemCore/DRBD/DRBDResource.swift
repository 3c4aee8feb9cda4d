/// One DRBD resource's state on this node, from whichever source was read
/// (`events2`, `status --json`, /proc/drbd): the single model the agents decide on.
///
/// Optional fields are `nil` when the source does not report them (8.4 has no quorum,
/// no promotion score, no node id); the derived flags in `DRBDResource+Flags.swift`
/// say how each absence is treated.
public struct DRBDResource: Sendable, Equatable {
    /// The resource name (`name:` / `"name"`; for /proc/drbd the name the caller gave).
    public var name: String
    /// False when DRBD does not know the resource on this node (not up / down).
    public var isConfigured: Bool
    /// This node's id in the resource (DRBD 9 `status --json` only).
    public var nodeID: Int?
    /// The local role.
    public var role: DRBDRole
    /// Whether I/O is suspended. Can be true with no `suspensionReasons` (8.4 /proc/drbd
    /// shows the flag but no reason).
    public var suspended: Bool
    /// Why I/O is suspended, where the source says.
    public var suspensionReasons: Set<DRBDSuspensionReason>
    /// The write-ordering method, when reported.
    public var writeOrdering: DRBDWriteOrdering?
    /// `force-io-failures` (DRBD 9), when reported.
    public var forceIOFailures: Bool?
    /// `may_promote` (DRBD 9 events2, computed by drbdsetup), when reported.
    public var mayPromote: Bool?
    /// `promotion_score` (DRBD 9 events2), when reported.
    public var promotionScore: Int?
    /// One entry per peer, in the order the source listed them.
    public var connections: [DRBDConnection]
    /// One entry per local volume, in the order the source listed them.
    public var devices: [DRBDDevice]
    /// State words this library does not know (from a newer drbd-utils or kernel), described
    /// with their key and place. The fields they stood in keep a placeholder, so the derived
    /// flags must not be trusted while this is not empty; the role still parses.
    public var unrecognizedWords: [String] = []

    /// A resource state with the given values.
    public init(name: String, isConfigured: Bool = true, nodeID: Int? = nil, role: DRBDRole,
                suspended: Bool = false, suspensionReasons: Set<DRBDSuspensionReason> = [],
                writeOrdering: DRBDWriteOrdering? = nil, forceIOFailures: Bool? = nil,
                mayPromote: Bool? = nil, promotionScore: Int? = nil,
                connections: [DRBDConnection] = [], devices: [DRBDDevice] = []) {
        self.name = name
        self.isConfigured = isConfigured
        self.nodeID = nodeID
        self.role = role
        self.suspended = suspended
        self.suspensionReasons = suspensionReasons
        self.writeOrdering = writeOrdering
        self.forceIOFailures = forceIOFailures
        self.mayPromote = mayPromote
        self.promotionScore = promotionScore
        self.connections = connections
        self.devices = devices
    }

    /// The state of a resource DRBD does not know on this node: no role, no devices, no peers.
    ///
    /// - Parameter name: the resource name that was asked about.
    /// - Returns: a resource with `isConfigured == false`.
    public static func unconfigured(named name: String) -> DRBDResource {
        DRBDResource(name: name, isConfigured: false, role: .unknown)
    }

    /// The connection to the peer with `peerNodeID`, if present.
    public func connection(peerNodeID: Int) -> DRBDConnection? {
        connections.first { $0.peerNodeID == peerNodeID }
    }

    /// The local device of `volume`, if present.
    public func device(volume: Int) -> DRBDDevice? {
        devices.first { $0.volume == volume }
    }
}
