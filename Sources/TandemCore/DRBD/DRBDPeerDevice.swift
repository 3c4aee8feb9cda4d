/// One volume as seen towards one peer: replication state and the peer's disk.
///
/// Byte counters are in KiB, as drbdsetup prints them; `nil` when not reported.
public struct DRBDPeerDevice: Sendable, Equatable {
    /// The volume number within the resource.
    public var volume: Int
    /// The replication state towards this peer.
    public var replication: ReplicationState
    /// The peer's disk state as last known (`DUnknown` while not connected).
    public var peerDisk: DiskState
    /// True when the peer is an intentionally diskless client for this volume
    /// (`peer-client:yes`; `unknown` counts as no).
    public var peerClient: Bool
    /// Why a resync with this peer is paused; empty when it is not (`resync-suspended:no`).
    public var resyncSuspended: Set<DRBDResyncSuspension>
    /// KiB received from this peer (`received:`; 8.4 `nr:`).
    public var receivedKiB: Int?
    /// KiB sent to this peer (`sent:`; 8.4 `ns:`).
    public var sentKiB: Int?
    /// KiB marked out of sync with this peer (`out-of-sync:`; 8.4 `oos:`).
    public var outOfSyncKiB: Int?
    /// Requests sent to the peer and not yet answered (`pending:`; 8.4 `pe:`).
    public var pending: Int?
    /// Requests received from the peer and not yet answered (`unacked:`; 8.4 `ua:`).
    public var unacked: Int?
    /// `percent-in-sync` (`status --json`): share of the device not out of sync, when reported.
    public var percentInSync: Double?
    /// Progress of a running (or paused) resync or verify, when the source reports one.
    public var sync: DRBDSyncProgress?

    /// A peer-device state with the given values.
    public init(volume: Int, replication: ReplicationState, peerDisk: DiskState, peerClient: Bool = false,
                resyncSuspended: Set<DRBDResyncSuspension> = [], receivedKiB: Int? = nil, sentKiB: Int? = nil,
                outOfSyncKiB: Int? = nil, pending: Int? = nil, unacked: Int? = nil,
                percentInSync: Double? = nil, sync: DRBDSyncProgress? = nil) {
        self.volume = volume
        self.replication = replication
        self.peerDisk = peerDisk
        self.peerClient = peerClient
        self.resyncSuspended = resyncSuspended
        self.receivedKiB = receivedKiB
        self.sentKiB = sentKiB
        self.outOfSyncKiB = outOfSyncKiB
        self.pending = pending
        self.unacked = unacked
        self.percentInSync = percentInSync
        self.sync = sync
    }

    /// The peer is an intentionally diskless client for this volume. As in the drbd agent, the
    /// `peer-client` flag alone decides: DRBD keeps it while the peer's disk state is DUnknown.
    public var isPeerDisklessClient: Bool { peerClient }
}
