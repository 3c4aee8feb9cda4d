/// One configured minor (`/dev/drbdN`) as DRBD 8.3/8.4's /proc/drbd shows it:
/// `N: cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate C r-----`, its counters line
/// `ns:… nr:… dw:… dr:… al:… bm:… lo:… pe:… ua:… ap:… ep:… wo:… oos:…`, and during a
/// resync the progress lines.
///
/// 8.4's `cs:` mixes connection and replication states; it is split here: `cs:SyncSource`
/// becomes `.connected` + `.syncSource`, `cs:WFConnection` becomes `.wfConnection` + `.off`.
public struct DRBDProcMinor: Sendable, Equatable {
    /// The device minor.
    public var minor: Int
    /// The connection state part of `cs:`.
    public var connection: ConnectionState
    /// The replication state part of `cs:` (`.established` for `cs:Connected`, `.off` when not connected).
    public var replication: ReplicationState
    /// Local role (`ro:` first half; `st:` in DRBD < 8.3).
    public var role: DRBDRole
    /// Peer role (`ro:` second half).
    public var peerRole: DRBDRole
    /// Local disk state (`ds:` first half).
    public var disk: DiskState
    /// Peer disk state (`ds:` second half).
    public var peerDisk: DiskState
    /// Replication protocol letter (A, B, C), when shown.
    public var replicationProtocol: Character?
    /// The I/O flags word, e.g. `r-----` (first letter `s` = I/O suspended).
    public var ioFlags: String
    /// State words of a newer DRBD this library does not know (see `DRBDResource.unrecognizedWords`).
    public var unrecognizedWords: [String] = []
    /// KiB sent to the peer (`ns:`).
    public var networkSendKiB: Int?
    /// KiB received from the peer (`nr:`).
    public var networkReceiveKiB: Int?
    /// KiB written to the local disk (`dw:`).
    public var diskWriteKiB: Int?
    /// KiB read from the local disk (`dr:`).
    public var diskReadKiB: Int?
    /// Activity-log updates (`al:`).
    public var activityLogUpdates: Int?
    /// Bitmap updates (`bm:`).
    public var bitmapUpdates: Int?
    /// Open requests to the local disk (`lo:`).
    public var localPending: Int?
    /// Requests sent to the peer and not yet answered (`pe:`).
    public var pending: Int?
    /// Requests received from the peer and not yet answered (`ua:`).
    public var unacked: Int?
    /// Application requests not yet completed (`ap:`).
    public var applicationPending: Int?
    /// Epoch objects (`ep:`).
    public var epochs: Int?
    /// Write ordering (`wo:` b, f, d, n).
    public var writeOrdering: DRBDWriteOrdering?
    /// KiB out of sync (`oos:`).
    public var outOfSyncKiB: Int?
    /// Resync or verify progress, when its lines are shown.
    public var sync: DRBDSyncProgress?

    /// A minor with the state words; counters and progress are set afterwards.
    public init(minor: Int, connection: ConnectionState, replication: ReplicationState, role: DRBDRole,
                peerRole: DRBDRole, disk: DiskState, peerDisk: DiskState, replicationProtocol: Character? = nil,
                ioFlags: String = "") {
        self.minor = minor
        self.connection = connection
        self.replication = replication
        self.role = role
        self.peerRole = peerRole
        self.disk = disk
        self.peerDisk = peerDisk
        self.replicationProtocol = replicationProtocol
        self.ioFlags = ioFlags
    }

    /// I/O is suspended on this minor (first I/O flag `s`).
    public var isSuspended: Bool { ioFlags.first == "s" }
}
