/// The operation history of one resource on one node (`<node_history><node><resource_history>`).
public struct ResourceHistory: Sendable, Equatable {
    public var id = ""
    /// The resource is no longer configured.
    public var orphan = false
    public var migrationThreshold: Int?
    /// `fail-count`; `INFINITY` maps to 1,000,000.
    public var failCount: Int?
    /// `last-failure` as crm_mon formats it.
    public var lastFailure: String?
    public var operations: [OperationHistory] = []

    /// An empty history; the parser fills it in.
    public init() {}
}
