/// A failed operation (`<failures><failure>`).
public struct ResourceFailure: Sendable, Equatable {
    /// `op_key` (e.g. `rsc1_monitor_10000`), or `id` in output that uses that name.
    public var operationKey = ""
    public var node = ""
    /// The text of the exit code ("not running", "error", …).
    public var exitStatus = ""
    /// The agent's exit reason; older versions write the literal "none" for none, read as "".
    public var exitReason = ""
    public var exitCode = 0
    public var call = 0
    /// The execution status ("complete", "Timed Out", "Error", …).
    public var status = ""
    public var lastRCChange: String?
    public var queuedMilliseconds: Int?
    public var execMilliseconds: Int?
    /// The operation's interval in milliseconds (crm_mon writes a bare number here).
    public var intervalMilliseconds: Int?
    public var task: String?

    /// An empty failure; the parser fills it in.
    public init() {}

    /// The resource the key names: the key without `_<task>_<interval>`.
    public var resourceID: String {
        var key = Substring(operationKey)
        guard let last = key.lastIndex(of: "_"), key[key.index(after: last)...].allSatisfy({ $0.isNumber }) else {
            return operationKey
        }
        key = key[..<last]
        if let task, !task.isEmpty, key.hasSuffix("_" + task) { return String(key.dropLast(task.count + 1)) }
        guard let taskStart = key.lastIndex(of: "_") else { return String(key) }
        return String(key[..<taskStart])
    }
}
