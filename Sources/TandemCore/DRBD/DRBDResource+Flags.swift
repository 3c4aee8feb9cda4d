// The derived questions the drbd agent's promotion-score rules ask (anchors.md §2), answered
// the way ocf:linbit:drbd's events2 path answers them, with the deviations noted per flag.
// Diskless *client* volumes are left out of the local-disk questions: a client has no disk
// by design, and counting it would make every client look broken.

extension DRBDResource {
    /// The local role is Primary.
    public var isPrimary: Bool { isConfigured && role == .primary }

    /// DRBD does not know the resource here (down); the agent reports "not running".
    public var isUnconfigured: Bool { !isConfigured }

    /// At least one peer is Primary.
    public var somePeerPrimary: Bool { connections.contains { $0.peerRole == .primary } }

    /// Devices that have (or should have) a local disk, i.e. all but diskless clients.
    private var diskfulDevices: [DRBDDevice] { devices.filter { !$0.isDisklessClient } }

    /// Every local disk is UpToDate, and there is at least one.
    ///
    /// Deviations from the shell agent, both towards "no": its events2 path leaves this true for
    /// Attaching/Negotiating (here only UpToDate counts, as in its 8.4 path), and it is vacuously
    /// true without diskful volumes (here no local disk means no local data, so false).
    public var allLocalDisksUpToDate: Bool {
        let disks = diskfulDevices
        return !disks.isEmpty && disks.allSatisfy { $0.disk == .upToDate }
    }

    /// No local disk is Diskless, Failed, Inconsistent, Outdated, Detaching (or DUnknown), and
    /// there is at least one: Consistent, Attaching and Negotiating do not break it
    /// (see `DiskState.breaksConsistency`).
    public var allLocalDisksConsistent: Bool {
        let disks = diskfulDevices
        return !disks.isEmpty && !disks.contains { $0.disk.breaksConsistency }
    }

    /// Some local disk is Attaching or Negotiating; the score is left unchanged meanwhile.
    public var isTransitional: Bool { diskfulDevices.contains { $0.disk.isTransitional } }

    /// Every volume is an intentional diskless client (`disk:Diskless client:yes`).
    ///
    /// Deviation: false for a resource without volumes (the shell compares counts, 0 == 0).
    public var isDisklessClient: Bool { !devices.isEmpty && devices.allSatisfy { $0.isDisklessClient } }

    /// False when any device reports `quorum:no`; sources without quorum (8.4) count as quorate.
    ///
    /// Deviation: the shell agent skips diskless-client volumes here; a client without quorum
    /// must not be promoted either, so every device counts (as anchors.md §2 states the rule).
    public var hasQuorum: Bool { !devices.contains { $0.quorum == false } }

    /// The peer is a diskless client: for every local volume it reports `peer-client:yes`.
    /// Such peers have no data, so the "peer disks" questions ignore them.
    ///
    /// - Parameter connection: one of `connections`.
    /// - Returns: whether all of this resource's volumes are diskless on that peer.
    public func isDisklessClientPeer(_ connection: DRBDConnection) -> Bool {
        !devices.isEmpty && devices.allSatisfy { device in
            connection.peerDevice(volume: device.volume)?.isPeerDisklessClient == true
        }
    }

    /// Every local volume has an UpToDate disk on this peer (a missing peer device counts as not).
    ///
    /// - Parameter connection: one of `connections`.
    /// - Returns: whether the peer has all disks UpToDate.
    public func peerHasAllDisksUpToDate(_ connection: DRBDConnection) -> Bool {
        devices.allSatisfy { connection.peerDevice(volume: $0.volume)?.peerDisk == .upToDate }
    }

    /// Some peer's disk state is not known for some volume: DUnknown, or no peer device at all.
    /// Diskless-client peers are skipped.
    public var anyPeerDiskUnknown: Bool {
        dataPeers.contains { connection in
            devices.contains { connection.peerDevice(volume: $0.volume).map { $0.peerDisk == .unknown } ?? true }
        }
    }

    /// Some (non-client) peer has all disks UpToDate.
    public var somePeerHasAllDisksUpToDate: Bool { dataPeers.contains { peerHasAllDisksUpToDate($0) } }

    /// At least one non-client peer exists and every such peer has all disks UpToDate.
    /// False with no peers: then nothing is known to be UpToDate elsewhere.
    public var allPeerDisksUpToDate: Bool {
        let peers = dataPeers
        return !peers.isEmpty && peers.allSatisfy { peerHasAllDisksUpToDate($0) }
    }

    /// Peers that hold data, i.e. not diskless clients.
    private var dataPeers: [DRBDConnection] { connections.filter { !isDisklessClientPeer($0) } }
}
