/// A negative location constraint crm_mon lists as a ban (`<bans><ban>`), e.g. `cli-ban-…`.
public struct ResourceBan: Sendable, Equatable {
    public var id = ""
    public var resource = ""
    public var node = ""
    /// The constraint score (−INFINITY = −1,000,000).
    public var weight = 0
    /// The ban applies to the promoted role only (`promoted-only`, formerly `master_only`).
    public var promotedOnly = false

    /// An empty ban; the parser fills it in.
    public init() {}
}
