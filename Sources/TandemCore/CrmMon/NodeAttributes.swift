/// The transient and permanent attributes crm_mon shows for one node (`<node_attributes><node>`).
public struct NodeAttributes: Sendable, Equatable {
    /// One `<attribute name value expected>`.
    public struct Attribute: Sendable, Equatable {
        public var name: String
        public var value: String
        /// What a ping-style attribute is expected to be, when crm_mon knows.
        public var expected: String?

        /// - Parameters:
        ///   - name: attribute name.
        ///   - value: its value.
        ///   - expected: the expected value, if any.
        public init(name: String, value: String, expected: String? = nil) {
            self.name = name
            self.value = value
            self.expected = expected
        }
    }

    public var node: String
    public var attributes: [Attribute]

    /// - Parameters:
    ///   - node: node name.
    ///   - attributes: its attributes in document order.
    public init(node: String, attributes: [Attribute] = []) {
        self.node = node
        self.attributes = attributes
    }

    /// The value of attribute `name`, if present.
    public func value(of name: String) -> String? { attributes.first { $0.name == name }?.value }

    /// The promotion score for `resource`: attribute `master-<resource>` or, as older CIBs
    /// write it for anonymous clones, `master-<resource>:<N>`. With several, the highest wins.
    ///
    /// - Returns: the score (INFINITY = 1,000,000), or nil when no such attribute exists.
    public func promotionScore(for resource: String) -> Int? {
        let exact = "master-" + resource
        var best: Int?
        for attribute in attributes where attribute.name.hasPrefix(exact) {
            let suffix = attribute.name.dropFirst(exact.count)
            guard suffix.isEmpty || (suffix.first == ":" && suffix.count > 1 && suffix.dropFirst().allSatisfy({ $0.isNumber }))
            else { continue }
            guard let score = PacemakerScore.parse(attribute.value) else { continue }
            best = max(best ?? score, score)
        }
        return best
    }
}
