/// A bundle (`<bundle>`): containers with an optional resource inside each replica.
public struct BundleResource: Sendable, Equatable {
    /// The container technology.
    public enum ContainerType: String, Sendable, CaseIterable {
        case docker, rkt, podman, unknown
    }

    /// One replica: its number and the primitives in it (IP, container, remote connection, inner resource).
    public struct Replica: Sendable, Equatable {
        public var id: Int
        public var resources: [PrimitiveResource]

        /// - Parameters:
        ///   - id: the replica number.
        ///   - resources: its primitives in document order.
        public init(id: Int, resources: [PrimitiveResource]) {
            self.id = id
            self.resources = resources
        }
    }

    public var id = ""
    public var type: ContainerType = .unknown
    public var image = ""
    public var unique = false
    public var managed = true
    public var failed = false
    public var replicas: [Replica] = []

    /// An empty bundle; the parser fills it in.
    public init() {}
}
