import Glibc

/// A point on CLOCK_MONOTONIC, in nanoseconds. Wall-clock jumps (NTP, admins) must not
/// stretch or shrink an operation's time budget.
public struct MonotonicInstant: Sendable, Comparable, Hashable {
    public let nanoseconds: Int64

    public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    /// The current time. The corresponding C function is `clock_gettime(CLOCK_MONOTONIC)`.
    public static func now() -> MonotonicInstant {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return MonotonicInstant(nanoseconds: Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec))
    }

    public func adding(milliseconds: Int) -> MonotonicInstant {
        MonotonicInstant(nanoseconds: nanoseconds + Int64(milliseconds) * 1_000_000)
    }

    /// Whole milliseconds from `self` until `later` (negative when `later` is earlier).
    public func milliseconds(until later: MonotonicInstant) -> Int {
        Int((later.nanoseconds - nanoseconds) / 1_000_000)
    }

    public static func < (lhs: MonotonicInstant, rhs: MonotonicInstant) -> Bool {
        lhs.nanoseconds < rhs.nanoseconds
    }
}
