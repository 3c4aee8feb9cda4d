import TandemCore

/// A cluster status as a few aligned lines: who is DC and quorate, each node's state,
/// each resource (clones folded by role) and the recorded failures.
struct StatusTable {
    let status: ClusterStatus

    init(_ status: ClusterStatus) { self.status = status }

    func render() -> String {
        guard status.isConnected else {
            return "not connected: \(status.disconnected?.description ?? status.result?.message ?? "no cluster")\n"
        }
        var lines = ["cluster: DC \(status.dcName ?? "none"), "
                     + (status.hasQuorum ? "quorate" : "WITHOUT quorum")
                     + ", \(status.nodes.count) nodes, \(status.resources.count) resources"]
        lines.append(contentsOf: table(status.nodes.map { node in
            ["  node \(node.name)", nodeState(node), node.isDC ? "DC" : ""]
        }))
        lines.append(contentsOf: table(status.resources.map(row)))
        for failure in status.failures {
            lines.append("  failed: \(failure.operationKey) on \(failure.node): \(failure.exitStatus)"
                         + (failure.exitReason.isEmpty || failure.exitReason == "none" ? "" : " (\(failure.exitReason))"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func nodeState(_ node: ClusterNode) -> String {
        if !node.online { return node.unclean ? "OFFLINE (unclean)" : "offline" }
        if node.standby { return "standby" }
        if node.maintenance { return "maintenance" }
        return node.pending ? "pending" : "online"
    }

    private func row(_ resource: ClusterResource) -> [String] {
        switch resource {
        case .primitive(let primitive):
            return ["  \(primitive.id)", primitive.agent?.description ?? primitive.agentText, placement([primitive])]
        case .clone(let clone):
            let agent = clone.instances.first?.primitives.first?.agent?.description ?? ""
            return ["  \(clone.id)", (clone.promotable ? "promotable clone of " : "clone of ") + agent,
                    placement(resource.primitives)]
        case .group(let group):
            return ["  \(group.id)", "group of \(group.members.count)", placement(group.members)]
        case .bundle(let bundle):
            return ["  \(bundle.id)", "bundle (\(bundle.image))", placement(resource.primitives)]
        }
    }

    /// "Promoted: n1 | Unpromoted: n2": nodes by role, roles in a fixed order.
    private func placement(_ primitives: [PrimitiveResource]) -> String {
        var byRole: [(ResourceRole, [String])] = []
        for primitive in primitives {
            let names = primitive.nodeNames
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

    /// Rows with their columns padded to the widest cell.
    private func table(_ rows: [[String]]) -> [String] {
        let widths = (0..<(rows.map { $0.count }.max() ?? 0)).map { column in
            rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
        }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count + 2)
            }.joined().trimmingTrailingSpaces()
        }
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
