/// A node a resource is active on (`<resource><node name id cached>`).
public struct ResourceNode: Sendable, Equatable {
    public var name: String
    public var id: String
    /// True when the state comes from the last recorded operation rather than a live probe.
    public var cached: Bool

    /// - Parameters:
    ///   - name: the node name.
    ///   - id: the node id.
    ///   - cached: whether the state is cached.
    public init(name: String, id: String, cached: Bool) {
        self.name = name
        self.id = id
        self.cached = cached
    }
}
