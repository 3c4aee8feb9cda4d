/// The replication state between the local device and one peer device (DRBD 9 `replication:`;
/// the part of 8.4's `cs:` after a connection is established).
public enum ReplicationState: String, DRBDVocabulary {
    case off = "Off"
    case established = "Established"
    case startingSyncS = "StartingSyncS"
    case startingSyncT = "StartingSyncT"
    case wfBitMapS = "WFBitMapS"
    case wfBitMapT = "WFBitMapT"
    case wfSyncUUID = "WFSyncUUID"
    case syncSource = "SyncSource"
    case syncTarget = "SyncTarget"
    case verifyS = "VerifyS"
    case verifyT = "VerifyT"
    case pausedSyncS = "PausedSyncS"
    case pausedSyncT = "PausedSyncT"
    case ahead = "Ahead"
    case behind = "Behind"

    /// Names these words in error messages.
    public static let vocabularyName = "replication state"

    /// A resync runs or is paused (SyncSource/SyncTarget/PausedSyncS/PausedSyncT).
    public var isResyncing: Bool {
        switch self {
        case .syncSource, .syncTarget, .pausedSyncS, .pausedSyncT: true
        default: false
        }
    }

    /// An online verify runs (VerifyS/VerifyT).
    public var isVerifying: Bool { self == .verifyS || self == .verifyT }
}
