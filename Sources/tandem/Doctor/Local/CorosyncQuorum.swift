/// The quorum settings of corosync.conf that decide a two-node cluster's behaviour.
struct CorosyncQuorum: Equatable, Sendable {
    /// `quorum { two_node: 1 }`: votequorum keeps quorum when one of two nodes is lost.
    let twoNode: Bool
    /// Nodes in `nodelist` (0 when there is none).
    let nodeCount: Int

    /// Reads corosync.conf: `key: value` lines in `section { }` blocks.
    init(configuration text: String) {
        var twoNode = false
        var nodes = 0
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
            } else if path.last == "quorum", let colon = line.firstIndex(of: ":") {
                let key = line[..<colon].trimmingCharacters(" ")
                let value = line[line.index(after: colon)...].trimmingCharacters(" ")
                if key == "two_node" { twoNode = value == "1" }
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
