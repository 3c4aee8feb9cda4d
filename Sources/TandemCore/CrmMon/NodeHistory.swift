/// The operation history crm_mon shows for one node (`<node_history><node>`).
public struct NodeHistory: Sendable, Equatable {
    public var node: String
    public var resources: [ResourceHistory]

    /// - Parameters:
    ///   - node: node name.
    ///   - resources: per-resource histories in document order.
    public init(node: String, resources: [ResourceHistory] = []) {
        self.node = node
        self.resources = resources
    }
}
