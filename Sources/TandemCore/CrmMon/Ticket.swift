/// A multi-site ticket (`<tickets><ticket>`).
public struct Ticket: Sendable, Equatable {
    public var id = ""
    public var granted = false
    public var standby = false
    public var lastGranted: String?

    /// A revoked ticket named `""`; the parser fills it in.
    public init() {}
}
