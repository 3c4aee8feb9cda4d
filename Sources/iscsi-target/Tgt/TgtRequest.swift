/// One request to tgtd's control socket: the fixed `struct tgtadm_req` header (tgt's
/// `usr/tgtadm.h`, 120 bytes, in the host's byte order as tgtd reads it) and the NUL-terminated parameter text,
/// exactly as tgtadm sends it (checked against tgtadm's own bytes in the tests).
struct TgtRequest: Sendable, Equatable {
    /// `enum tgtadm_mode`.
    enum Mode: Int32, Sendable {
        case system = 0, target, logicalUnit, portal, lld, session, connection, account
    }

    /// `enum tgtadm_op`.
    enum Operation: Int32, Sendable {
        case new = 0, delete, show, bind, unbind, update, stats, start, stop
    }

    static let headerSize = 120
    static let noLUN = UInt64.max

    var mode: Mode
    var operation: Operation
    var lld = "iscsi"
    var tid: Int32 = -1
    var sid: UInt64 = 0
    var lun: UInt64 = noLUN
    var cid: UInt32 = 0
    /// `ac_dir`: 0 incoming, 1 outgoing (account binding).
    var outgoingAccount = false
    var force = false
    /// The parameter text (`path=…,bstype=…`), nil for none.
    var parameters: String?
    /// The parameter text holds a CHAP secret: never logged.
    var carriesSecret = false

    /// What a log line may say about the request.
    var summary: String {
        var text = "\(operation) \(mode)"
        if tid >= 0 { text += " tid \(tid)" }
        if lun != Self.noLUN { text += " lun \(lun)" }
        if mode == .connection && operation == .delete { text += " sid \(sid) cid \(cid)" }
        if let parameters, !carriesSecret { text += " \(parameters)" }
        return text
    }

    /// The bytes on the wire.
    var bytes: [UInt8] {
        var body: [UInt8] = []
        if let parameters, !parameters.isEmpty { body = Array(parameters.utf8) + [0] }
        var header = [UInt8](repeating: 0, count: Self.headerSize)
        func put<T: FixedWidthInteger>(_ value: T, at offset: Int) {
            withUnsafeBytes(of: value) { for (index, byte) in $0.enumerated() { header[offset + index] = byte } }
        }
        put(mode.rawValue, at: 0)
        put(operation.rawValue, at: 4)
        for (index, byte) in lld.utf8.prefix(63).enumerated() { header[8 + index] = byte }
        put(UInt32(Self.headerSize + body.count), at: 72)
        put(tid, at: 76)
        put(sid, at: 80)
        put(lun, at: 88)
        put(cid, at: 96)
        put(UInt32(outgoingAccount ? 1 : 0), at: 108)
        put(UInt32(force ? 1 : 0), at: 116)
        return header + body
    }
}

/// tgtd's answer code (`enum tgtadm_errno`, `usr/tgtadm_error.h`).
struct TgtError: Error, Sendable, Equatable, CustomStringConvertible {
    let code: UInt32

    static let noTarget = TgtError(code: 4)
    static let noLUN = TgtError(code: 5)
    static let noSession = TgtError(code: 6)
    static let noConnection = TgtError(code: 7)
    static let noBinding = TgtError(code: 8)
    static let targetExists = TgtError(code: 9)
    static let lunExists = TgtError(code: 10)
    static let bindingExists = TgtError(code: 11)
    static let aclExists = TgtError(code: 12)
    static let aclMissing = TgtError(code: 13)
    static let userExists = TgtError(code: 14)
    static let noUser = TgtError(code: 15)
    static let targetActive = TgtError(code: 19)
    static let lunActive = TgtError(code: 20)

    var description: String {
        let texts = ["success", "unknown error", "out of memory", "the driver is not loaded", "no such target",
                     "no such logical unit", "no such session", "no such connection", "no such binding",
                     "the target exists already", "the logical unit exists already", "the binding exists already",
                     "the ACL entry exists already", "no such ACL entry", "the account exists already",
                     "no such account", "too many accounts", "invalid request",
                     "the target has an outgoing account already", "the target is still active",
                     "the logical unit is still active", "the driver is busy", "unsupported operation",
                     "unknown parameter", "the device has removal prevented"]
        return code < texts.count ? "tgtd: \(texts[Int(code)])" : "tgtd: error \(code)"
    }
}
