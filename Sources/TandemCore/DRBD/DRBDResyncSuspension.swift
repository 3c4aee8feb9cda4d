/// Why a resync to or from a peer is paused (`resync-suspended:user,peer`).
public enum DRBDResyncSuspension: String, DRBDVocabulary {
    /// `drbdadm pause-sync`.
    case user
    /// The peer paused it.
    case peer
    /// Waiting for another resync this one depends on (`resync-after`).
    case dependency
    /// Too many resyncs in parallel.
    case maxParallel = "max-parallel"

    /// Names these words in error messages.
    public static let vocabularyName = "resync suspension reason"
}
