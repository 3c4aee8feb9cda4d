import TandemCore

extension DRBDControl {
    /// The state from /proc/drbd (DRBD 8 only: DRBD 9's lists no minors). Runs nothing once
    /// the minors are known. A minor of the resource that /proc/drbd does not list (or lists
    /// `Unconfigured`) is a volume that is not up; none listed means the resource is down.
    func procState() throws -> DRBDResource {
        let minors = try self.minors()
        // The module can go between the check and the read (rmmod): then nothing is up.
        guard let text = module.readProc() else { return .unconfigured(named: resource) }
        let status: DRBDProcStatus
        do {
            status = try DRBDProcReader.parse(text)
        } catch {
            throw OCFFailure(.genericError, "cannot read DRBD state from \(module.procPath): \(error)")
        }
        guard !status.isDRBD9OrLater else {
            throw OCFFailure(.genericError, "\(module.procPath) of DRBD \(status.version) shows no minors; "
                             + "the state needs drbdsetup events2")
        }
        return status.resource(named: resource, minors: minors.minors)
    }

    /// The resource's minors: this invocation's, else the cache's (unless this action
    /// refreshes it), else from `drbdadm sh-minor`, then cached. When sh-minor fails, an
    /// existing cache is still better than no state at all.
    func minors() throws -> DRBDMinors {
        if let known = memo.minors { return known }
        let cached = DRBDMinors.load(minorsCache, resource: resource)
        if minorsRefresh == .whenMissing, let cached {
            return remember(cached, from: "the cache")
        }
        let result = try drbdadm(["sh-minor"])
        guard result.succeeded, let found = DRBDMinors(resource: resource, shMinorOutput: result.stdoutText) else {
            let reason = "cannot find the minors of \(resource) (drbdadm sh-minor): \(result.summary)"
            if let cached {
                logger.warning(reason + "; using the cached ones")
                return remember(cached, from: "the cache")
            }
            // Slow or killed is not "not defined here": a probe must not report a running
            // resource as stopped because drbdadm was slow.
            if result.timedOut { throw OCFFailure(.genericError, reason) }
            if case .signaled = result.status { throw OCFFailure(.genericError, reason) }
            throw DRBDMinors.LookupFailure(reason: reason)
        }
        if found != cached {
            do {
                try found.save(minorsCache)
            } catch {
                logger.warning("cannot write \(minorsCache): \(error)")
            }
        }
        return remember(found, from: "drbdadm sh-minor")
    }

    private func remember(_ minors: DRBDMinors, from origin: String) -> DRBDMinors {
        memo.minors = minors
        let list = minors.minors.map(String.init).joined(separator: ",")
        logger.debug("\(resource): state from \(module.procPath), minors \(list) (from \(origin))")
        return minors
    }
}
