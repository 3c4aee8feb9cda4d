/// The time an agent invocation may spend, from `OCF_RESKEY_CRM_meta_timeout`.
///
/// Pacemaker SIGKILLs the agent's whole process group when the operation times out,
/// with no grace period, so the agent keeps a reserve to report a result of its own.
public struct OperationBudget: Sendable {
    /// When the invocation started (taken as early as possible in `main`).
    public let started: MonotonicInstant
    /// The operation timeout Pacemaker will enforce.
    public let timeoutMilliseconds: Int
    /// Kept back for the agent's own bookkeeping after the last command.
    public let reserveMilliseconds: Int

    /// - Parameters:
    ///   - timeoutMilliseconds: the operation's timeout (`CRM_meta_timeout`, or the action's default).
    ///   - started: when the invocation started.
    ///   - reserveMilliseconds: time kept back; by default 10% of the timeout, between 200 and 2000 ms.
    public init(timeoutMilliseconds: Int, started: MonotonicInstant = .now(), reserveMilliseconds: Int? = nil) {
        self.started = started
        self.timeoutMilliseconds = max(0, timeoutMilliseconds)
        let defaultReserve = min(2000, max(200, self.timeoutMilliseconds / 10))
        self.reserveMilliseconds = min(reserveMilliseconds ?? defaultReserve, self.timeoutMilliseconds / 2)
    }

    /// The instant after which no new work may start.
    public var deadline: MonotonicInstant {
        started.adding(milliseconds: timeoutMilliseconds - reserveMilliseconds)
    }

    /// Milliseconds left before `deadline`, never negative.
    public func remainingMilliseconds(now: MonotonicInstant = .now()) -> Int {
        max(0, now.milliseconds(until: deadline))
    }

    public func isExhausted(now: MonotonicInstant = .now()) -> Bool {
        remainingMilliseconds(now: now) == 0
    }

    /// The deadline for one step: the budget's, or sooner when `capMilliseconds` is smaller.
    public func deadline(cappedAt capMilliseconds: Int?, now: MonotonicInstant = .now()) -> MonotonicInstant {
        guard let cap = capMilliseconds else { return deadline }
        return min(deadline, now.adding(milliseconds: max(0, cap)))
    }
}
