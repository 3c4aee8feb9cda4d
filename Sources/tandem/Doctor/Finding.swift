/// One result of `tandem doctor`: what is wrong, the outage it leads to, and the exact fix.
struct Finding: Equatable, Sendable {
    /// A stable name for scripts and tests (`drbd-notify`, `chain-order`, …).
    let check: String
    let severity: Severity
    /// The resource, property or file concerned.
    let subject: String
    let message: String
    /// Why it matters: the outage it causes.
    let why: String
    /// The command or CIB change that fixes it.
    let fix: String

    var json: JSONValue {
        .object([("check", .string(check)), ("severity", .string(severity.rawValue)), ("subject", .string(subject)),
                 ("message", .string(message)), ("why", .string(why)), ("fix", .string(fix))])
    }
}
