import TandemCore

/// The cluster's resources as aligned rows (clones folded by role), and the table helper the
/// text views share. Came from `tandem-status`, which `tandem status` replaces.
enum ResourceTable {
    static func rows(_ status: ClusterStatus) -> [[String]] {
        status.resources.map(row)
    }

    private static func row(_ resource: ClusterResource) -> [String] {
        switch resource {
        case .primitive(let primitive):
            return [primitive.id, primitive.agent?.description ?? primitive.agentText, placement([primitive])]
        case .clone(let clone):
            let agent = clone.instances.first?.primitives.first?.agent?.description ?? ""
            return [clone.id, (clone.promotable ? "promotable clone of " : "clone of ") + agent,
                    placement(resource.primitives)]
        case .group(let group):
            // A group's members run together: each node once.
            return [group.id, "group of \(group.members.count)", placement(group.members, distinctNodes: true)]
        case .bundle(let bundle):
            return [bundle.id, "bundle (\(bundle.image))", placement(resource.primitives)]
        }
    }

    /// "Promoted: n1 | Unpromoted: n2": nodes by role, roles in a fixed order; with
    /// `distinctNodes`, a node is named once per role.
    static func placement(_ primitives: [PrimitiveResource], distinctNodes: Bool = false) -> String {
        var byRole: [(ResourceRole, [String])] = []
        for primitive in primitives {
            var names = primitive.nodeNames
            if distinctNodes, let known = byRole.first(where: { $0.0 == primitive.role })?.1 {
                names.removeAll { known.contains($0) }
            }
            if let index = byRole.firstIndex(where: { $0.0 == primitive.role }) {
                byRole[index].1.append(contentsOf: names)
            } else {
                byRole.append((primitive.role, names))
            }
        }
        let order = ResourceRole.allCases
        return byRole.sorted { (order.firstIndex(of: $0.0) ?? 0) < (order.firstIndex(of: $1.0) ?? 0) }
            .map { role, nodes in nodes.isEmpty ? role.rawValue : "\(role.rawValue): \(nodes.joined(separator: " "))" }
            .joined(separator: " | ")
    }

    /// Rows with their columns padded to the widest cell, each line indented.
    static func align(_ rows: [[String]], indent: String = "  ") -> [String] {
        let widths = (0..<(rows.map { $0.count }.max() ?? 0)).map { column in
            rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
        }
        return rows.map { row in
            var line = indent + row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count + 2)
            }.joined()
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
