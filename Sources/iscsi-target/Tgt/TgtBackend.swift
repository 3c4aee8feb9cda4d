import Glibc
import TandemCore
import TandemNetwork

/// The target on tgtd (userspace), through its control socket: one target id, its LUNs
/// (LUN 0 stays tgtd's controller), its ACL and the CHAP account bound to it.
///
/// Ownership: the target is this resource's when both its tid and its iqn match; a target
/// with either alone belongs to someone else and is never changed (start fails, monitor says
/// not running, stop has nothing to do). CHAP accounts are global in tgtd: the resource
/// changes or deletes only an account it created itself (a marker under HA_RSCTMP says so),
/// and none that another target or discovery uses.
struct TgtBackend: TargetBackend {
    let configuration: TargetConfiguration
    let tid: Int
    let control: TgtControlSocket
    let budget: OperationBudget
    let logger: Logger
    let backingStore: TgtBackingStore
    /// Where the resource notes the CHAP account it made (with a salted hash of its secret).
    let accountMarker: String
    /// The directory of the lock that serialises changes to one tgtd.
    let lockDirectory: String

    // MARK: reading

    /// tgtd's target list; throws when it does not have tgtd's shape (see `TgtTargetList.problem`).
    func list() throws -> TgtTargetList {
        let list = TgtTargetList(parsing: try send(TgtRequest(mode: .target, operation: .show)))
        if let problem = list.problem {
            throw OCFFailure(.genericError, "tgtd's target list cannot be trusted (\(problem)): an initiator name or "
                             + "alias with line breaks? Nothing was changed")
        }
        return list
    }

    /// The resource's target, nil when absent or when the tid or iqn belong to another target
    /// (said in a warning; `strict` makes that an error, for start).
    func ownTarget(in list: TgtTargetList, strict: Bool) throws -> TgtTargetList.Target? {
        var conflict: String?
        if let byTID = list.target(tid: tid), byTID.name != configuration.iqn.text {
            conflict = "tid \(tid) is target \(byTID.name) on this tgtd, not \(configuration.iqn) (choose another tid)"
        } else if let byName = list.target(named: configuration.iqn.text), byName.tid != tid {
            conflict = "\(configuration.iqn) runs as tid \(byName.tid) on this tgtd, not tid \(tid) "
                + "(made by hand or by another resource?)"
        }
        if let conflict {
            if strict { throw OCFFailure(.genericError, conflict) }
            logger.warning(conflict + "; not this resource's target")
            return nil
        }
        return list.target(tid: tid)
    }

    func observe() throws -> TargetState? {
        guard let target = try ownTarget(in: try list(), strict: false) else { return nil }
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

    func converge(aluaState: ALUAState?) throws {
        let lock = try ResourceLock.acquire("tgt-\(control.path)", directory: lockDirectory, until: budget.deadline)
        defer { lock.release() }
        var list = try list()
        var target = try ownTarget(in: list, strict: true)
        if target == nil {
            try send(TgtRequest(mode: .target, operation: .new, tid: Int32(tid), parameters: "targetname=\(configuration.iqn)"))
            logger.info("created target \(configuration.iqn) (tid \(tid))")
            list = try self.list()
            target = try ownTarget(in: list, strict: true)
        }
        guard let current = target else {
            throw OCFFailure(.genericError, "target \(configuration.iqn) (tid \(tid)) is missing right after tgtd created it")
        }
        for setting in configuration.settings {
            try send(TgtRequest(mode: .target, operation: .update, tid: Int32(tid), parameters: setting.description))
        }
        try convergeLUNs(current)
        try convergeCHAP(current, list: list)
        // The ACL last: no initiator can log in before the LUNs and CHAP are there.
        guard let updated = try self.list().target(tid: tid) else {
            throw OCFFailure(.genericError, "target \(configuration.iqn) (tid \(tid)) vanished while it was configured")
        }
        try convergeACL(updated)
        if !current.isReady {
            try send(TgtRequest(mode: .target, operation: .update, tid: Int32(tid), parameters: "state=ready"))
        }
    }

    /// tgt has no target port groups (validate refuses a promotable tgt target).
    func setALUAState(_ state: ALUAState) throws {
        throw OCFFailure(.notConfigured, "tgt has no ALUA: it cannot run promotable")
    }

    private func convergeLUNs(_ target: TgtTargetList.Target) throws {
        let wanted = Dictionary(uniqueKeysWithValues: configuration.luns.map { ($0.number, $0) })
        let inUse = !target.nexuses.isEmpty
        for lun in target.dataLUNs {
            guard let configured = wanted[lun.number] else {
                try deleteLUN(lun.number, reason: "not configured")
                continue
            }
            if configured.path.text != lun.backingPath || lun.backingType != backingStore.rawValue {
                // The same LUN number (and WWID) on another device would swap the disk under a
                // logged-in client's file system.
                if inUse {
                    throw OCFFailure(.genericError, "LUN \(lun.number) would change from \(lun.backingPath ?? "nothing") "
                                     + "(\(lun.backingType)) to \(configured.path) (\(backingStore.rawValue)) under logged-in "
                                     + "initiators: not done (restart the resource to apply it)")
                }
                try deleteLUN(lun.number, reason: "its device or backing store changed")
            }
        }
        let running = try list().target(tid: tid)?.dataLUNs ?? []
        for lun in configuration.luns {
            let existing = running.first { $0.number == lun.number }
            if existing == nil {
                var parameters = "path=\(lun.path),bstype=\(backingStore.rawValue)"
                if !configuration.writeCache && backingStore == .rdwr { parameters += ",bsoflags=sync" }
                if let size = configuration.blockSize { parameters += ",blocksize=\(size)" }
                try send(TgtRequest(mode: .logicalUnit, operation: .new, tid: Int32(tid), lun: UInt64(lun.number),
                                    parameters: parameters))
                logger.info("LUN \(lun.number) exports \(lun.path)")
            } else if let existing, existing.scsiID != lun.identity.deviceID || existing.scsiSerial != lun.identity.serial {
                // A client keys its multipath map on the WWID: changing it under a session fails its paths.
                if inUse {
                    throw OCFFailure(.genericError, "LUN \(lun.number) presents id \(existing.scsiID) and serial "
                                     + "\(existing.scsiSerial), configured \(lun.identity.deviceID) and \(lun.identity.serial): "
                                     + "not changed under logged-in initiators (restart the resource to apply it)")
                }
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
            } catch TgtControlSocket.Failure.refused(let error, _) where error == .lunActive {
                return nil
            }
        }
        guard deleted == true else { throw OCFFailure(.genericError, "LUN \(number) stayed busy: it could not be removed") }
        logger.info("removed LUN \(number): \(reason)")
    }

    func aclField(_ entry: String) -> String {
        ISCSIName(entry) != nil || entry.lowercased().hasPrefix("iqn.") || entry.lowercased().hasPrefix("eui.")
            || entry.lowercased().hasPrefix("naa.") ? "initiator-name=\(entry)" : "initiator-address=\(entry)"
    }

    private func convergeACL(_ target: TgtTargetList.Target) throws {
        let wanted = configuration.initiators.isEmpty ? ["ALL"] : configuration.initiators.map(\.text)
        for entry in wanted where !target.acl.contains(entry) {
            try send(TgtRequest(mode: .target, operation: .bind, tid: Int32(tid), parameters: aclField(entry)))
        }
        for entry in target.acl where !wanted.contains(entry) {
            try send(TgtRequest(mode: .target, operation: .unbind, tid: Int32(tid), parameters: aclField(entry)))
        }
    }
}

extension TgtBackend {
    /// One request to tgtd, within the operation's budget.
    @discardableResult
    func send(_ request: TgtRequest) throws -> String {
        logger.debug("tgtd: \(request.summary)")
        return try control.send(request, until: budget.deadline)
    }
}
