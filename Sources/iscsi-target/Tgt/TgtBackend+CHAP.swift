import Glibc
import TandemCore

/// CHAP on tgtd: accounts are tgtd-wide, bound to targets (and to discovery). The resource
/// owns only an account it made (its marker under HA_RSCTMP says so, written before the
/// account is), changes its secret only when the configured one changed, and never leaves
/// the target without an account bound while it swaps one: a placeholder with a random secret
/// holds the target closed in between.
extension TgtBackend {
    /// The users tgtd binds for discovery (`show --mode sys`, "Account information:").
    func discoveryUsers() throws -> Set<String> {
        var users: Set<String> = []
        var inside = false
        for line in try self.send(TgtRequest(mode: .system, operation: .show)).split(separator: "\n") {
            if !line.hasPrefix(" ") { inside = false; continue }
            let text = line.trimmingWhitespace()
            if text == "Account information:" { inside = true; continue }
            if inside, !text.isEmpty { users.insert(text.hasSuffix(" (outgoing)") ? String(text.dropLast(11)) : text) }
        }
        return users
    }

    /// Whether another target, or discovery, uses `user`.
    func usedElsewhere(_ user: String, list: TgtTargetList) throws -> Bool {
        try list.targets.contains { $0.tid != tid && ($0.incomingUsers + $0.outgoingUsers).contains(user) }
            || discoveryUsers().contains(user)
    }

    /// The marker of the account this resource made: its user and a salted hash of its secret.
    struct AccountMarker: Equatable {
        var user: String
        var salt: String
        var hash: String

        static func load(_ path: String) -> AccountMarker? {
            guard let bytes = FileContents.read(path) else { return nil }
            let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
            guard lines.count == 3 else { return nil }
            return AccountMarker(user: lines[0], salt: lines[1], hash: lines[2])
        }

        func matches(_ secret: CHAPSecret) -> Bool { Self.hash(salt: salt, secret: secret) == hash }

        static func hash(salt: String, secret: CHAPSecret) -> String {
            LUNIdentity.hex(LUNIdentity.fnv1a(salt + "\u{0}" + secret.text), digits: 16)
        }

        static func random(count: Int) -> String {
            var generator = SystemRandomNumberGenerator()
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            return bytes.map { LUNIdentity.hex(UInt64($0), digits: 2) }.joined()
        }
    }

    func convergeCHAP(_ target: TgtTargetList.Target, list: TgtTargetList) throws {
        let wanted = configuration.chap
        let marker = AccountMarker.load(accountMarker)
        let accounts = try existingAccounts()
        // Users bound here that are no longer configured.
        for user in target.incomingUsers where user != wanted?.user.text {
            try self.send(TgtRequest(mode: .account, operation: .unbind, tid: Int32(tid), parameters: "user=\(user)"))
            if marker?.user == user { try deleteOwnAccount(user, list: try self.list()) }
        }
        guard let wanted else { return }
        let user = wanted.user.text
        if try usedElsewhere(user, list: list) {
            throw OCFFailure(.genericError, "CHAP user \(wanted.user) is also used by another target or for discovery on "
                             + "this tgtd: its secret cannot be set for this target alone")
        }
        let ours = marker?.user == user
        if accounts.contains(user) && !ours {
            throw OCFFailure(.genericError, "CHAP user \(wanted.user) exists on this tgtd and was not made by this resource: "
                             + "delete it (tgtadm --op delete --mode account --user …) or choose another incoming_username")
        }
        let bound = target.incomingUsers.contains(user)
        if accounts.contains(user), ours, let marker, marker.matches(wanted.secret) {
            if !bound { try self.send(TgtRequest(mode: .account, operation: .bind, tid: Int32(tid), parameters: "user=\(user)")) }
            return  // the configured secret is set already
        }
        // No new login while the account is made anew (the ACL step binds the ACL again).
        for entry in target.acl {
            try ignoring(.aclMissing, .noBinding) {
                try self.send(TgtRequest(mode: .target, operation: .unbind, tid: Int32(tid), parameters: aclField(entry)))
            }
        }
        if bound { try self.send(TgtRequest(mode: .account, operation: .unbind, tid: Int32(tid), parameters: "user=\(user)")) }
        if accounts.contains(user) {
            try ignoring(.noUser) { try self.send(TgtRequest(mode: .account, operation: .delete, parameters: "user=\(user)")) }
        }
        let salt = AccountMarker.random(count: 8)
        let note = "\(user)\n\(salt)\n\(AccountMarker.hash(salt: salt, secret: wanted.secret))\n"
        do {
            try FileContents.writeAtomically(accountMarker, Array(note.utf8), mode: 0o600, createDirectory: true)
        } catch {
            throw OCFFailure(.genericError, "cannot write \(accountMarker): \(error)")
        }
        try self.send(TgtRequest(mode: .account, operation: .new, parameters: "user=\(user),password=\(wanted.secret.text)",
                            carriesSecret: true))
        try self.send(TgtRequest(mode: .account, operation: .bind, tid: Int32(tid), parameters: "user=\(user)"))
    }

    /// The accounts tgtd knows (`show --mode account`).
    func existingAccounts() throws -> Set<String> {
        Set(try self.send(TgtRequest(mode: .account, operation: .show)).split(separator: "\n")
            .filter { $0.hasPrefix(" ") }.map { $0.trimmingWhitespace() })
    }

    /// Deletes the account this resource made, unless something else uses it now.
    func deleteOwnAccount(_ user: String, list: TgtTargetList) throws {
        guard AccountMarker.load(accountMarker)?.user == user else { return }
        if try usedElsewhere(user, list: list) || list.target(tid: tid)?.incomingUsers.contains(user) == true {
            logger.warning("CHAP user \(user) is in use elsewhere now: left in tgtd")
        } else {
            try ignoring(.noUser) { try self.send(TgtRequest(mode: .account, operation: .delete, parameters: "user=\(user)")) }
        }
        Syscalls.removeFileIfPresent(accountMarker)
    }

    func ignoring(_ errors: TgtError..., body: () throws -> Void) throws {
        do {
            try body()
        } catch TgtControlSocket.Failure.refused(let error, _) where errors.contains(error) {}
    }
}
