import TandemCore

/// The promotable clone around each DRBD primitive: notify and the instance counts.
struct DRBDCloneCheck: DoctorCheck {
    func findings(_ context: DoctorContext) -> [Finding] {
        let layout = context.layout
        return layout.drbdPrimitives.flatMap { primitive -> [Finding] in
            guard let clone = layout.clone(of: primitive), clone.isPromotable else {
                return [Finding(
                    check: "drbd-not-promotable", severity: .error, subject: "resource \(primitive.id)",
                    message: "\(primitive.id) (\(primitive.agent?.description ?? "drbd")) is not in a promotable clone",
                    why: "DRBD is only usable on a Primary: without a promotable clone Pacemaker never promotes it, so nothing above it (LVM, target) can start.",
                    fix: "crm configure clone ms_\(primitive.id) \(primitive.id) meta promotable=true notify=true promoted-max=1 promoted-node-max=1 clone-max=2 clone-node-max=1")]
            }
            return cloneFindings(clone, nodes: context.nodeCount)
        }
    }

    private func cloneFindings(_ clone: CIBResource, nodes: Int) -> [Finding] {
        var found: [Finding] = []
        let subject = "resource \(clone.id)"
        func setMeta(_ name: String, _ value: String) -> String {
            "crm_resource --resource \(clone.id) --meta --set-parameter \(name) --parameter-value \(value)"
        }
        if PacemakerValue.bool(clone.meta["notify"]) != true {
            found.append(Finding(
                check: "drbd-notify", severity: .error, subject: subject,
                message: "\(clone.id) has notify=\(clone.meta["notify"] ?? "false (unset)")",
                why: "The DRBD agent learns of its peer's start, stop, promote and demote only from notifications: without them promotion scores go stale and stop_outdates_secondary never runs; the agent refuses to start (6) unless ignore_missing_notifications=true.",
                fix: setMeta("notify", "true")))
        }
        let promotedMax = Int(clone.meta("promoted-max", legacy: "master-max") ?? "1") ?? 1
        if promotedMax > 2 || promotedMax < 1 {
            found.append(Finding(
                check: "drbd-promoted-max", severity: .error, subject: subject,
                message: "\(clone.id) has promoted-max=\(promotedMax)",
                why: "DRBD has one Primary, or two with allow-two-primaries; Pacemaker would try to promote more and fail (or never promote).",
                fix: setMeta("promoted-max", "1")))
        }
        let promotedNodeMax = Int(clone.meta("promoted-node-max", legacy: "master-node-max") ?? "1") ?? 1
        if promotedNodeMax != 1 {
            found.append(Finding(
                check: "drbd-promoted-node-max", severity: .error, subject: subject,
                message: "\(clone.id) has promoted-node-max=\(promotedNodeMax)",
                why: "A DRBD resource exists once per node; a second promoted instance on one node cannot run.",
                fix: setMeta("promoted-node-max", "1")))
        }
        let cloneNodeMax = Int(clone.meta["clone-node-max"] ?? "1") ?? 1
        if cloneNodeMax != 1 {
            found.append(Finding(
                check: "drbd-clone-node-max", severity: .error, subject: subject,
                message: "\(clone.id) has clone-node-max=\(cloneNodeMax)",
                why: "Two instances on one node would drive the same DRBD resource: the second start fails and the resource is marked failed.",
                fix: setMeta("clone-node-max", "1")))
        }
        let cloneMax = clone.meta["clone-max"].flatMap { Int($0) }
        if let cloneMax, cloneMax != 2 {
            found.append(Finding(
                check: "drbd-clone-max", severity: cloneMax > 2 ? .error : .warning, subject: subject,
                message: "\(clone.id) has clone-max=\(cloneMax)",
                why: cloneMax > 2
                    ? "DRBD 8.4 replicates between two nodes: an instance on a third node has no DRBD resource and fails to start."
                    : "With one instance there is no Secondary to fail over to.",
                fix: setMeta("clone-max", "2")))
        } else if cloneMax == nil, nodes > 2 {
            found.append(Finding(
                check: "drbd-clone-max", severity: .error, subject: subject,
                message: "\(clone.id) has no clone-max and the cluster has \(nodes) nodes",
                why: "clone-max defaults to the number of nodes: Pacemaker starts an instance on every node, and those without the DRBD resource fail.",
                fix: setMeta("clone-max", "2") + " (and a location constraint keeping it on the two DRBD nodes)"))
        }
        return found
    }
}
