import TandemCore
import TandemNetwork

/// The target on tgtd (userspace), through its control socket: one target id, its LUNs
/// (LUN 0 stays tgtd's controller), its ACL and the CHAP account bound to it.
///
/// Ownership: the target is this resource's when both its tid and its iqn match; a target
/// with either alone belongs to someone else and is never changed. CHAP accounts are
/// global in tgtd: the configured one is (re)created with the configured secret unless
/// another target uses it, and deleted at stop when no target uses it any more.
struct TgtBackend: TargetBackend {
    let configuration: TargetConfiguration
    let tid: Int
    let control: TgtControlSocket
    let budget: OperationBudget
    let logger: Logger
    let backingStore: TgtBackingStore

    // MARK: reading

    func list() throws -> TgtTargetList {
        TgtTargetList(parsing: try send(TgtRequest(mode: .target, operation: .show)))
    }

    /// The resource's target, nil when absent; refuses a tid or iqn held by another target.
    func ownTarget(in list: TgtTargetList) throws -> TgtTargetList.Target? {
        if let byTID = list.target(tid: tid), byTID.name != configuration.iqn.text {
            throw OCFFailure(.genericError, "tid \(tid) is target \(byTID.name) on this tgtd, not \(configuration.iqn) "
                             + "(another target uses the tid: choose another)")
        }
        if let byName = list.target(named: configuration.iqn.text), byName.tid != tid {
            throw OCFFailure(.genericError, "\(configuration.iqn) runs as tid \(byName.tid) on this tgtd, not tid \(tid) "
                             + "(created by hand or by another resource?)")
        }
        return list.target(tid: tid)
    }

    func observe() throws -> TargetState? {
        guard let target = try ownTarget(in: try list()) else { return nil }
        return Self.state(of: target)
    }

    static func state(of target: TgtTargetList.Target) -> TargetState {
        TargetState(
            enabled: target.isReady,
            luns: target.dataLUNs.map { TargetState.LUN(number: $0.number, path: $0.backingPath, serial: $0.scsiSerial, deviceID: $0.scsiID) },
            openToAll: target.acl.contains("ALL"),
            initiators: Set(target.acl.filter { $0 != "ALL" && ISCSIName($0) != nil }),
            incomingUsers: Set(target.incomingUsers),
            sessions: target.nexuses.count)
    }

    /// The configured portals tgtd does not listen on (its portals are its own, set by its
    /// configuration or `--iscsi portal=`): a wildcard portal of tgtd covers every address of
    /// its family on that port.
    func portalsNotListening() throws -> [Portal] {
        let listening = try send(TgtRequest(mode: .portal, operation: .show)).split(separator: "\n").compactMap { line in
            // "Portal: 127.0.0.1:3260,1"
            line.hasPrefix("Portal: ") ? Portal(String(line.dropFirst(8).prefix { $0 != "," })) : nil
        }
        return configuration.portals.filter { wanted in
            !listening.contains { have in
                have.port == wanted.port && (have == wanted || (have.isWildcard && (wanted.isWildcard
                    || have.address.family == wanted.address.family || have.address.family == .ipv6)))
            }
        }
    }

    // MARK: start and reload

    func converge() throws {
        var list = try list()
        var target = try ownTarget(in: list)
        if target == nil {
            try send(TgtRequest(mode: .target, operation: .new, tid: Int32(tid), parameters: "targetname=\(configuration.iqn)"))
            logger.info("created target \(configuration.iqn) (tid \(tid))")
            list = try self.list()
            target = try ownTarget(in: list)
        }
        guard let current = target else {
            throw OCFFailure(.genericError, "target \(configuration.iqn) (tid \(tid)) is missing right after tgtd created it")
        }
        for setting in configuration.settings {
            try send(TgtRequest(mode: .target, operation: .update, tid: Int32(tid), parameters: setting.description))
        }
        try convergeLUNs(current)
        try convergeCHAP(current, list: list)
        // The ACL last: no initiator can log in before the LUNs are there.
        try convergeACL(current)
        if !current.isReady {
            try send(TgtRequest(mode: .target, operation: .update, tid: Int32(tid), parameters: "state=ready"))
        }
    }

    private func convergeLUNs(_ target: TgtTargetList.Target) throws {
        let wanted = Dictionary(uniqueKeysWithValues: configuration.luns.map { ($0.number, $0) })
        for lun in target.dataLUNs {
            guard let configured = wanted[lun.number], configured.path.text == lun.backingPath,
                  lun.backingType == backingStore.rawValue else {
                try deleteLUN(lun.number, reason: "not configured as it runs (\(lun.backingPath ?? "no device"), \(lun.backingType))")
                continue
            }
        }
        let running = Dictionary(target.dataLUNs.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        for lun in configuration.luns {
            let existing = running[lun.number].flatMap { $0.backingPath == lun.path.text && $0.backingType == backingStore.rawValue ? $0 : nil }
            if existing == nil {
                var parameters = "path=\(lun.path),bstype=\(backingStore.rawValue)"
                if !configuration.writeCache && backingStore == .rdwr { parameters += ",bsoflags=sync" }
                if let size = configuration.blockSize { parameters += ",blocksize=\(size)" }
                try send(TgtRequest(mode: .logicalUnit, operation: .new, tid: Int32(tid), lun: UInt64(lun.number),
                                    parameters: parameters))
                logger.info("LUN \(lun.number) exports \(lun.path)")
            }
            if existing == nil || existing?.scsiID != lun.identity.deviceID || existing?.scsiSerial != lun.identity.serial {
                var fields = ["scsi_id=\(lun.identity.deviceID)", "scsi_sn=\(lun.identity.serial)"]
                if let vendor = configuration.vendor { fields.append("vendor_id=\(vendor)") }
                if let product = configuration.product { fields.append("product_id=\(product)") }
                try send(TgtRequest(mode: .logicalUnit, operation: .update, tid: Int32(tid), lun: UInt64(lun.number),
                                    parameters: "targetOps " + fields.joined(separator: ",") + ","))
            }
        }
    }

    private func deleteLUN(_ number: Int, reason: String) throws {
        // A LUN with commands in flight answers "still active" for a moment.
        let deleted: Bool? = try budget.poll(every: 200) { () throws -> Bool? in
            do {
                try send(TgtRequest(mode: .logicalUnit, operation: .delete, tid: Int32(tid), lun: UInt64(number)))
                return true
            } catch TgtControlSocket.Failure.refused(let error, _) where error == .noLUN {
                return true
            } catch TgtControlSocket.Failure.refused(let error, _) where error.code == 20 {
                return nil
            }
        }
        guard deleted == true else { throw OCFFailure(.genericError, "LUN \(number) stayed busy: it could not be removed") }
        logger.info("removed LUN \(number): \(reason)")
    }

    private func convergeACL(_ target: TgtTargetList.Target) throws {
        let wanted = configuration.initiators.isEmpty ? ["ALL"] : configuration.initiators.map(\.text)
        for entry in wanted where !target.acl.contains(entry) {
            let field = entry == "ALL" ? "initiator-address=ALL" : "initiator-name=\(entry)"
            try send(TgtRequest(mode: .target, operation: .bind, tid: Int32(tid), parameters: field))
        }
        for entry in target.acl where !wanted.contains(entry) {
            let field = ISCSIName(entry) != nil ? "initiator-name=\(entry)" : "initiator-address=\(entry)"
            try send(TgtRequest(mode: .target, operation: .unbind, tid: Int32(tid), parameters: field))
        }
    }

    private func convergeCHAP(_ target: TgtTargetList.Target, list: TgtTargetList) throws {
        let wanted = configuration.chap
        for user in target.incomingUsers where user != wanted?.user.text {
            try send(TgtRequest(mode: .account, operation: .unbind, tid: Int32(tid), parameters: "user=\(user)"))
            try deleteAccountIfUnused(user, list: try self.list())
        }
        guard let wanted else { return }
        let others = list.targets.filter { $0.tid != tid && ($0.incomingUsers + $0.outgoingUsers).contains(wanted.user.text) }
        if let other = others.first {
            throw OCFFailure(.genericError, "CHAP user \(wanted.user) is also used by target \(other.name) on this tgtd: "
                             + "its secret cannot be set for this target alone")
        }
        // tgtd cannot say an account's secret: set it anew each time, so a changed secret takes effect.
        if target.incomingUsers.contains(wanted.user.text) {
            try send(TgtRequest(mode: .account, operation: .unbind, tid: Int32(tid), parameters: "user=\(wanted.user)"))
        }
        do {
            try send(TgtRequest(mode: .account, operation: .delete, parameters: "user=\(wanted.user)"))
        } catch TgtControlSocket.Failure.refused(let error, _) where error == .noUser {}
        try send(TgtRequest(mode: .account, operation: .new,
                            parameters: "user=\(wanted.user),password=\(wanted.secret.text)", carriesSecret: true))
        try send(TgtRequest(mode: .account, operation: .bind, tid: Int32(tid), parameters: "user=\(wanted.user)"))
    }

    private func deleteAccountIfUnused(_ user: String, list: TgtTargetList) throws {
        guard !list.targets.contains(where: { ($0.incomingUsers + $0.outgoingUsers).contains(user) }) else { return }
        do {
            try send(TgtRequest(mode: .account, operation: .delete, parameters: "user=\(user)"))
        } catch TgtControlSocket.Failure.refused(let error, _) where error == .noUser {}
    }

    // MARK: stop

    func remove() throws {
        let list: TgtTargetList
        do {
            list = try self.list()
        } catch TgtControlSocket.Failure.notRunning {
            return  // no tgtd: no target
        }
        if let target = list.target(tid: tid), target.name == configuration.iqn.text {
            // No new logins, then the sessions, then the target (force: it would refuse while a
            // nexus exists, and its LUNs answer "still active" while commands drain).
            for entry in target.acl {
                let field = ISCSIName(entry) != nil ? "initiator-name=\(entry)" : "initiator-address=\(entry)"
                try ignoringMissing { try send(TgtRequest(mode: .target, operation: .unbind, tid: Int32(tid), parameters: field)) }
            }
            for nexus in target.nexuses {
                for cid in nexus.connections {
                    try ignoringMissing {
                        try send(TgtRequest(mode: .connection, operation: .delete, tid: Int32(tid), sid: nexus.id, cid: cid))
                    }
                }
            }
            let gone: Bool? = try budget.poll(every: 200) { () throws -> Bool? in
                do {
                    try send(TgtRequest(mode: .target, operation: .delete, tid: Int32(tid), force: true))
                    return true
                } catch TgtControlSocket.Failure.refused(let error, _) where error == .noTarget {
                    return true
                } catch TgtControlSocket.Failure.refused(let error, _) where error == .targetActive || error.code == 20 {
                    return nil
                }
            }
            guard gone == true else {
                throw OCFFailure(.genericError, "target \(configuration.iqn) (tid \(tid)) could not be removed: still active")
            }
            logger.info("removed target \(configuration.iqn) (tid \(tid)) with \(target.dataLUNs.count) LUN(s), "
                        + "\(target.nexuses.count) session(s) closed")
        } else if let other = list.target(named: configuration.iqn.text) {
            logger.warning("\(configuration.iqn) runs as tid \(other.tid), not tid \(tid): not this resource's, left alone")
        }
        for user in Set([configuration.chap?.user.text].compactMap { $0 }) {
            try deleteAccountIfUnused(user, list: try self.list())
        }
    }

    private func ignoringMissing(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch TgtControlSocket.Failure.refused(let error, _)
                    where [.noTarget, .noSession, .noConnection, .aclMissing, .noBinding].contains(error) {}
    }

    // MARK: the socket

    @discardableResult
    func send(_ request: TgtRequest) throws -> String {
        logger.debug("tgtd: \(request.summary)")
        return try control.send(request, until: budget.deadline)
    }
}
