import TandemCore

/// What makes the two nodes of an iSCSI target disagree about a LUN: write-back caching over
/// dual-primary DRBD, ALUA group ids that collide or are missing for a node (ocf:tandem:iscsi-target),
/// and iSCSILogicalUnit cloned without a fixed serial (each node derives its own).
struct ISCSITargetCheck: DoctorCheck {
    func findings(_ context: DoctorContext) -> [Finding] {
        let layout = context.layout
        let cib = context.cib
        var found: [Finding] = []
        let dualPrimary = layout.drbdPrimitives.compactMap(layout.clone(of:))
            .filter { $0.isPromotable && Int($0.meta("promoted-max", legacy: "master-max") ?? "1") == 2 }
        for target in layout.members(of: .target) {
            let clone = cib.ancestry(of: target.id).first { $0.kind == .clone }
            let subject = "resource \(target.id)"
            switch target.agent?.type {
            case "iscsi-target"?:
                if let clone {
                    found += cloneFindings(target, clone: clone, dualPrimary: dualPrimary, nodes: cib.nodes, subject: subject)
                }
            case "iSCSILogicalUnit"?:
                guard let clone, (target.parameters["scsi_sn"] ?? "").isEmpty else { break }
                found.append(Finding(
                    check: "iscsi-serial-per-node", severity: .error, subject: subject,
                    message: "\(target.id) (iSCSILogicalUnit) is cloned in \(clone.id) without scsi_sn",
                    why: "Its default serial (and scsi_id) comes from the instance name, which differs per node (\(target.id):0, \(target.id):1): the client sees two disks where there is one, and multipath makes two maps.",
                    fix: "crm_resource --resource \(target.id) --set-parameter scsi_sn --parameter-value <8+ hex digits> (and scsi_id), or ocf:tandem:iscsi-target, whose serials come from the clone id"))
            default:
                break
            }
        }
        return found
    }

    private func cloneFindings(_ target: CIBResource, clone: CIBResource, dualPrimary: [CIBResource],
                               nodes: [String], subject: String) -> [Finding] {
        var found: [Finding] = []
        let cached = PacemakerValue.bool(target.parameters["write_cache"]) == true
        let forced = PacemakerValue.bool(target.parameters["force_write_cache"]) == true
        // LIO's block backstore has no cache of its own: the agent ignores write_cache there.
        let honoured = !["lio", "lio-t"].contains(target.parameters["implementation"] ?? "")
        let cloneMax = Int(clone.meta["clone-max"] ?? "") ?? nodes.count
        if cached && honoured && cloneMax > 1 && (!forced || !dualPrimary.isEmpty) {
            found.append(Finding(
                check: "iscsi-write-cache-dual-primary", severity: .error, subject: subject,
                message: "\(target.id) in \(clone.isPromotable ? "promotable " : "clone ")\(clone.id) has write_cache=true"
                    + (dualPrimary.isEmpty ? "" : " over dual-primary \(dualPrimary.map(\.id).joined(separator: ", "))")
                    + (forced ? " (forced)" : ""),
                why: "Both nodes export the same LUNs: a write one node's cache acknowledged is not on the disk the other node's paths read, and is lost with that node."
                    + (forced ? "" : " The agent refuses it (not configured) unless force_write_cache=true."),
                fix: "crm_resource --resource \(target.id) --delete-parameter write_cache"
                    + (forced ? " && crm_resource --resource \(target.id) --delete-parameter force_write_cache" : "")))
        }
        let text = target.parameters["alua_group_ids"] ?? ""
        guard clone.isPromotable, !text.isEmpty else { return found }
        let assignments = text.words().compactMap(ALUAGroupAssignment.init(ocfText:))
        var seen: [Int: String] = [:]
        for assignment in assignments {
            if let other = seen[assignment.groupID] {
                found.append(Finding(
                    check: "iscsi-alua-group-ids-equal", severity: .error, subject: subject,
                    message: "alua_group_ids gives \(other) and \(assignment.node) the same group id \(assignment.groupID)",
                    why: "A client merges port groups of equal id into one: its state flips with every answer, and multipath sends I/O to the unpromoted node's paths as often as to the promoted node's. The agent refuses it (not configured).",
                    fix: "crm_resource --resource \(target.id) --set-parameter alua_group_ids --parameter-value \"\(other)=1 \(assignment.node)=2\""))
            }
            seen[assignment.groupID] = assignment.node
        }
        // Where more nodes than instances exist (a quorum node, say), which ones run it is the
        // constraints' business: only a clone on every node must have an id for each.
        let named = Set(assignments.map(\.node))
        for node in nodes where cloneMax >= nodes.count && !named.contains(node) {
            found.append(Finding(
                check: "iscsi-alua-group-ids-node", severity: .error, subject: subject,
                message: "alua_group_ids (\(text)) has no id for node \(node)",
                why: "The target cannot start on \(node) (its group id is unknown): that node exports no paths, and the clone cannot fail over to it.",
                fix: "crm_resource --resource \(target.id) --set-parameter alua_group_ids --parameter-value \"\(text) \(node)=<id>\""))
        }
        return found
    }
}
