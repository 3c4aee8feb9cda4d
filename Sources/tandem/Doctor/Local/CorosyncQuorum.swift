/// The settings of corosync.conf the checks need: quorum (two_node, nodes) and how fast a
/// lost node is noticed (token, consensus).
struct CorosyncQuorum: Equatable, Sendable {
    /// `quorum { two_node: 1 }`: votequorum keeps quorum when one of two nodes is lost.
    let twoNode: Bool
    /// Nodes in `nodelist` (0 when there is none).
    let nodeCount: Int
    /// `totem { token }` and `consensus` in ms; nil when unset (corosync's defaults apply).
    var tokenMilliseconds: Int?
    var consensusMilliseconds: Int?

    /// Reads corosync.conf: `key: value` lines in `section { }` blocks.
    init(configuration text: String) {
        var twoNode = false
        var nodes = 0
        tokenMilliseconds = nil
        consensusMilliseconds = nil
        var path: [String] = []
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first?
                .trimmingCharacters(" ").trimmingCharacters("\t") ?? ""
            if line.hasSuffix("{") {
                let name = line.dropLast().trimmingCharacters(" ")
                path.append(name)
                if name == "node" && path.dropLast().last == "nodelist" { nodes += 1 }
            } else if line == "}" {
                _ = path.popLast()
            } else if let colon = line.firstIndex(of: ":") {
                let key = line[..<colon].trimmingCharacters(" ")
                let value = line[line.index(after: colon)...].trimmingCharacters(" ")
                if path.last == "quorum", key == "two_node" { twoNode = value == "1" }
                if path.last == "totem", key == "token" { tokenMilliseconds = Int(value) }
                if path.last == "totem", key == "consensus" { consensusMilliseconds = Int(value) }
            }
        }
        self.twoNode = twoNode
        nodeCount = nodes
    }

    init(twoNode: Bool, nodeCount: Int) {
        self.twoNode = twoNode
        self.nodeCount = nodeCount
    }
}
