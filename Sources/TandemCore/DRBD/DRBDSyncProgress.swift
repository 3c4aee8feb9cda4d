/// Progress of a resync or online verify with one peer.
///
/// Sources differ: events2 prints `done:` (and `rs-*` with `--statistics -vv`), `status --json`
/// prints `rs-*`/`ov-*` details, 8.4's /proc/drbd prints a progress bar with `sync'ed:`,
/// `finish:` and `speed:`. Every field is optional; `rs-*` values are raw as drbdsetup
/// prints them (sectors and milliseconds).
public struct DRBDSyncProgress: Sendable, Equatable {
    /// Percent of the resync (or verify) done, 0…100.
    public var donePercent: Double?
    /// `rs-total`: sectors to resync when it started.
    public var total: Int?
    /// `rs-dt-start-ms`: milliseconds since the resync started.
    public var elapsedMilliseconds: Int?
    /// `rs-paused-ms`: milliseconds spent paused.
    public var pausedMilliseconds: Int?
    /// `rs-failed`: sectors that failed to resync.
    public var failed: Int?
    /// `rs-same-csum`: sectors skipped because checksums matched.
    public var sameChecksum: Int?
    /// `ov-left`: sectors an online verify still has to check.
    public var verifyLeft: Int?
    /// `want` (KiB/s in `status --json` and events2; /proc/drbd `want:` K/sec): the rate the controller wants.
    public var wantKiBPerSecond: Double?
    /// /proc/drbd `speed:` (first number): current rate in KiB/s.
    public var speedKiBPerSecond: Int?
    /// /proc/drbd `finish:` h:mm:ss as seconds: estimated time left.
    public var finishSeconds: Int?
    /// /proc/drbd `(remaining/total)` converted to KiB: what is left to sync.
    public var remainingKiB: Int?
    /// /proc/drbd `(remaining/total)` converted to KiB: the whole amount of this resync.
    public var totalKiB: Int?

    /// A sync progress with the given values.
    public init(donePercent: Double? = nil, total: Int? = nil, elapsedMilliseconds: Int? = nil,
                pausedMilliseconds: Int? = nil, failed: Int? = nil, sameChecksum: Int? = nil,
                verifyLeft: Int? = nil, wantKiBPerSecond: Double? = nil, speedKiBPerSecond: Int? = nil,
                finishSeconds: Int? = nil, remainingKiB: Int? = nil, totalKiB: Int? = nil) {
        self.donePercent = donePercent
        self.total = total
        self.elapsedMilliseconds = elapsedMilliseconds
        self.pausedMilliseconds = pausedMilliseconds
        self.failed = failed
        self.sameChecksum = sameChecksum
        self.verifyLeft = verifyLeft
        self.wantKiBPerSecond = wantKiBPerSecond
        self.speedKiBPerSecond = speedKiBPerSecond
        self.finishSeconds = finishSeconds
        self.remainingKiB = remainingKiB
        self.totalKiB = totalKiB
    }
}
