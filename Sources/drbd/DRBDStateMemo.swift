/// What one invocation learned while reading the state, so that start's and promote's
/// polling loops look things up once: the minors, and that events2 is not supported here.
/// A class because `DRBDControl` is passed around by value.
final class DRBDStateMemo {
    var minors: DRBDMinors?
    /// events2 failed as unsupported on this DRBD 8 host: read /proc/drbd from now on.
    var events2Unsupported = false
}

