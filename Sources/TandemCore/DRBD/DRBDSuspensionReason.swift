/// Why a resource's I/O is suspended (`suspended:user,quorum` in events2;
/// `suspended-user`/`-no-data`/`-fencing`/`-quorum` in `status --json`).
public enum DRBDSuspensionReason: String, DRBDVocabulary {
    /// `drbdadm suspend-io`.
    case user
    /// No access to UpToDate data (`on-no-data-accessible suspend-io`).
    case noData = "no-data"
    /// Waiting for the fence-peer handler.
    case fencing
    /// Quorum lost with `on-no-quorum suspend-io`.
    case quorum

    /// Names these words in error messages.
    public static let vocabularyName = "suspension reason"
}
