/// Something `tandem status` shows before everything else: what is wrong now.
struct Problem: Equatable, Sendable {
    let severity: Severity
    /// What it concerns: `cluster`, `node:NAME`, `resource:ID`, `drbd:NAME`, `lvm:VG`.
    let subject: String
    let message: String

    var json: JSONValue {
        .object([("severity", .string(severity.rawValue)), ("subject", .string(subject)),
                 ("message", .string(message))])
    }
}
