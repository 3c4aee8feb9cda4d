import Glibc

extension OperationBudget {
    /// Asks `attempt` every `intervalMilliseconds` until it returns a value or no further
    /// attempt fits before `deadline` (by default the budget's own, and never later): the one
    /// shape of every wait of an agent (DRBD to connect, a link to come up, DAD to finish).
    ///
    /// - Returns: the first non-nil answer, or nil when the time ran out first. The first
    ///   attempt is made at once.
    public func poll<Value, Failure: Error>(every intervalMilliseconds: Int, until deadline: MonotonicInstant? = nil,
                                            _ attempt: () throws(Failure) -> Value?) throws(Failure) -> Value? {
        let end = min(deadline ?? self.deadline, self.deadline)
        while true {
            if let value = try attempt() { return value }
            let now = MonotonicInstant.now()
            guard now.adding(milliseconds: intervalMilliseconds) < end else { return nil }
            usleep(useconds_t(max(0, intervalMilliseconds)) * 1000)
        }
    }
}
