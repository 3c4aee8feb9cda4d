/// A resource group (`<group>`): primitives started in order on one node.
public struct ResourceGroup: Sendable, Equatable {
    public var id = ""
    public var numberOfResources = 0
    public var managed = true
    public var disabled = false
    public var maintenance = false
    public var description: String?
    public var members: [PrimitiveResource] = []

    /// An empty group; the parser fills it in.
    public init() {}
}
