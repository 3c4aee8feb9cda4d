/// A clone (`<clone>`), promotable or not, with one entry per instance.
public struct CloneResource: Sendable, Equatable {
    public var id = ""
    /// `multi_state`: a promotable clone (formerly a master/slave resource).
    public var promotable = false
    /// Globally unique instances (ids then carry `:N`).
    public var unique = false
    public var managed = true
    /// Absent in Pacemaker 1.1 output, then false.
    public var disabled = false
    public var failed = false
    public var failureIgnored = false
    public var maintenance = false
    public var targetRole: ResourceRole?
    public var description: String?
    /// The instances: primitives, or groups for a cloned group.
    public var instances: [ClusterResource] = []

    /// An empty clone; the parser fills it in.
    public init() {}
}
