import TandemCore

extension TgtBackend {
    /// Stop: no new logins (the ACL goes first), the sessions closed, the target removed with
    /// its LUNs (force: tgtd refuses while a session exists, and LUNs answer "still active"
    /// while commands drain), then the resource's own CHAP account, best effort (the target is
    /// gone by then: a failure to tidy the account must not fail the stop and fence the node).
    func remove() throws {
        let text: String
        do {
            text = try self.send(TgtRequest(mode: .target, operation: .show))
        } catch TgtControlSocket.Failure.notRunning {
            return  // no tgtd: no target
        }
        let lock = try ResourceLock.acquire("tgt-\(control.path)", directory: lockDirectory, until: budget.deadline)
        defer { lock.release() }
        let list = TgtTargetList(parsing: text)
        if let problem = list.problem {
            // A forged listing: act only on the header tgtd itself must have printed for our tid.
            let headers = list.headers.filter { $0.tid == tid }
            guard headers.count <= 1 else {
                throw OCFFailure(.genericError, "tgtd's target list is ambiguous (\(problem)); target \(tid) not removed")
            }
            guard let header = headers.first, header.name == configuration.iqn.text else {
                logger.warning("tgtd's target list does not parse (\(problem)); tid \(tid) is not \(configuration.iqn)")
                return
            }
            logger.warning("tgtd's target list does not parse (\(problem)); removing tid \(tid) by its header")
            try deleteTarget(sessions: [])
            return
        }
        guard let target = try ownTarget(in: list, strict: false) else {
            cleanUpAccount()
            return
        }
        for entry in target.acl {
            try ignoring(.aclMissing, .noBinding, .noTarget) {
                try self.send(TgtRequest(mode: .target, operation: .unbind, tid: Int32(tid), parameters: aclField(entry)))
            }
        }
        try deleteTarget(sessions: target.nexuses)
        logger.info("removed target \(configuration.iqn) (tid \(tid)) with \(target.dataLUNs.count) LUN(s), "
                    + "\(target.nexuses.count) session(s) closed")
        cleanUpAccount()
    }

    private func deleteTarget(sessions: [TgtTargetList.Nexus]) throws {
        for nexus in sessions {
            for cid in nexus.connections {
                try ignoring(.noTarget, .noSession, .noConnection) {
                    try self.send(TgtRequest(mode: .connection, operation: .delete, tid: Int32(tid), sid: nexus.id, cid: cid))
                }
            }
        }
        let gone: Bool? = try budget.poll(every: 200) { () throws -> Bool? in
            do {
                try self.send(TgtRequest(mode: .target, operation: .delete, tid: Int32(tid), force: true))
                return true
            } catch TgtControlSocket.Failure.refused(let error, _) where error == .noTarget {
                return true
            } catch TgtControlSocket.Failure.refused(let error, _) where error == .targetActive || error == .lunActive {
                return nil
            }
        }
        guard gone == true else {
            throw OCFFailure(.genericError, "target \(configuration.iqn) (tid \(tid)) could not be removed: still active")
        }
    }

    /// The account this resource made, if nothing uses it any more; never fails the stop.
    private func cleanUpAccount() {
        guard let marker = AccountMarker.load(accountMarker) else { return }
        do {
            try deleteOwnAccount(marker.user, list: try list())
        } catch {
            logger.warning("CHAP account \(marker.user) left in tgtd: \(error)")
        }
    }
}
