/// One recorded operation (`<operation_history>`).
public struct OperationHistory: Sendable, Equatable {
    public var call = 0
    public var task = ""
    /// The recurring interval in milliseconds (0 for one-shot operations). crm_mon writes
    /// `10000ms`; plain numbers and `s`/`min`/`h` units are accepted too.
    public var intervalMilliseconds = 0
    public var rc = 0
    /// crm_mon's text for `rc` ("ok", "not running", "promoted", …).
    public var rcText = ""
    public var lastRCChange: String?
    public var lastRun: String?
    public var execMilliseconds: Int?
    public var queueMilliseconds: Int?

    /// An empty record; the parser fills it in.
    public init() {}
}
