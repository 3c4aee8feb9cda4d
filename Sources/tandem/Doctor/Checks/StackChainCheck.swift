import TandemCore

/// The order/colocation chain DRBD promote → LVM → target → IPs, in either shape: one group
/// (members start in order) colocated with and ordered after the promotion, or separate
/// resources and clones chained by constraints. Each service's outermost resource must be
/// placed with the DRBD clone's Promoted role and started after its promote, and each layer
/// after the one below it.
struct StackChainCheck: DoctorCheck {
    func findings(_ context: DoctorContext) -> [Finding] {
        let layout = context.layout
        let clones = layout.drbdPrimitives.compactMap(layout.clone(of:)).filter(\.isPromotable)
        guard let defaultClone = clones.first else { return [] }
        let graph = ConstraintGraph(cib: context.cib)
        var found: [Finding] = []
        var reportedUnits = Set<String>()
        for layer in SANLayout.Layer.allCases {
            for service in layout.members(of: layer) {
                let unit = context.cib.ancestry(of: service.id).first?.id ?? service.id
                let placement = graph.placement(of: service.id)
                let clone = clones.first { placement[$0.id] != nil } ?? defaultClone
                if reportedUnits.insert(unit).inserted {
                    found += chainFindings(unit: unit, layer: layer, clone: clone, graph: graph, service: service.id)
                }
                found += layerFindings(service: service, layer: layer, layout: layout, graph: graph)
            }
        }
        return found
    }

    private func chainFindings(unit: String, layer: SANLayout.Layer, clone: CIBResource, graph: ConstraintGraph,
                               service: String) -> [Finding] {
        var found: [Finding] = []
        let subject = "resource \(unit)"
        // The unit is what constraints name: the service itself, or the group or clone holding it.
        let label = unit == service ? "\(unit) (\(layer.name))" : "\(unit) (holding \(layer.name) \(service))"
        switch graph.placement(of: service)[clone.id] {
        case nil:
            found.append(Finding(
                check: "chain-colocation", severity: .error, subject: subject,
                message: "\(label) is not colocated with \(clone.id)'s Promoted role",
                why: "Pacemaker may start it on the node where DRBD is Secondary: the VG cannot be activated there (DRBD refuses writers on a Secondary), or the target and IP serve a node without the data.",
                fix: "crm configure colocation col_\(unit)_with_\(clone.id) inf: \(unit) \(clone.id):Master (pcs: pcs constraint colocation add \(unit) with Promoted \(clone.id) INFINITY)"))
        case .some(let link) where link.role != .promoted:
            found.append(Finding(
                check: "chain-colocation-role", severity: .error, subject: subject,
                message: "\(unit) is colocated with \(clone.id) (\(link.constraint)) but not with its Promoted role",
                why: "Any node with a DRBD instance qualifies, including the Secondary: the stack can start where DRBD cannot be written.",
                fix: "in \(link.constraint) use \(clone.id):Master (with-rsc-role=Promoted)"))
        case .some(let link) where link.score < PacemakerValue.infinity:
            found.append(Finding(
                check: "chain-colocation-advisory", severity: .warning, subject: subject,
                message: "\(unit) is colocated with \(clone.id):Promoted only with score \(link.score) (\(link.constraint))",
                why: "A finite score is a preference: stickiness or a location rule can outweigh it and split the stack from its data.",
                fix: "make \(link.constraint)'s score inf (INFINITY)"))
        default: break
        }
        switch graph.predecessors(of: service)[clone.id] {
        case nil:
            found.append(Finding(
                check: "chain-order", severity: .error, subject: subject,
                message: "\(label) is not ordered after \(clone.id)'s promote",
                why: "It can start before DRBD is Primary: vgchange/lvchange fail on the Secondary device and the start fails, or after a failover it starts on stale state.",
                fix: "crm configure order ord_\(clone.id)_before_\(unit) Mandatory: \(clone.id):promote \(unit):start (pcs: pcs constraint order promote \(clone.id) then start \(unit))"))
        case .some(let link) where link.action != "promote":
            found.append(Finding(
                check: "chain-order-action", severity: .error, subject: subject,
                message: "\(unit) is ordered after \(clone.id):\(link.action) (\(link.constraint)), not after its promote",
                why: "DRBD is started (Secondary) long before it is promoted: the stack can start on a Secondary and fail.",
                fix: "in \(link.constraint) use \(clone.id):promote (first-action=promote)"))
        case .some(let link) where !link.mandatory:
            found.append(Finding(
                check: "chain-order-optional", severity: .warning, subject: subject,
                message: "\(unit) is ordered after \(clone.id):promote only optionally (\(link.constraint))",
                why: "An Optional order applies only when both actions are in the same transition: after a failover the stack may start before the promotion.",
                fix: "make \(link.constraint) Mandatory"))
        default: break
        }
        return found
    }

    /// A target must start after LVM, an IP after the target (or before it: LIO binds portals
    /// to the node's addresses, so a target whose portals are the floating IPs starts after
    /// them), where those layers exist.
    private func layerFindings(service: CIBResource, layer: SANLayout.Layer, layout: SANLayout,
                               graph: ConstraintGraph) -> [Finding] {
        guard let below = SANLayout.Layer(rawValue: layer.rawValue - 1) else { return [] }
        var lower = layout.members(of: below)
        if lower.isEmpty, let further = SANLayout.Layer(rawValue: layer.rawValue - 2) { lower = layout.members(of: further) }
        guard !lower.isEmpty else { return [] }
        let before = graph.predecessors(of: service.id)
        let ids = Set(lower.flatMap { member in layout.cib.ancestry(of: member.id).map(\.id) })
        guard !before.keys.contains(where: ids.contains) else { return [] }
        if layer == .ip {
            let own = Set(layout.cib.ancestry(of: service.id).map(\.id))
            if layout.members(of: .target).contains(where: { graph.predecessors(of: $0.id).keys.contains(where: own.contains) }) {
                return []
            }
        }
        let names = lower.map(\.id).joined(separator: ", ")
        return [Finding(
            check: "chain-layer-order", severity: .error, subject: "resource \(service.id)",
            message: "\(service.id) (\(layer.name)) is not ordered after \(names)",
            why: layer == .target
                ? "The target can start before its logical volumes exist: LUNs fail to attach their backing devices."
                : "The IP and the target start in any order: a target whose portals are the IP fails to bind them (LIO refuses a portal on an address the node does not have), and clients that connect before the target listens mark the path faulty.",
            fix: layer == .target
                ? "put them in one group in the order LVM, target, IPs (crm configure group g_san …), or crm configure order ord_\(lower[0].id)_before_\(service.id) Mandatory: \(lower[0].id) \(service.id)"
                : "put them in one group: LVM, then the IPs before the target when its portals are the IPs (LIO), else after it (crm configure group g_san …); or crm configure order ord_\(service.id)_before_\(lower[0].id) Mandatory: \(service.id) \(lower[0].id)")]
    }
}
