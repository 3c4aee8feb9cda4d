/// A two-node cluster's no-quorum-policy against corosync's two_node.
struct QuorumCheck: DoctorCheck {
    func findings(_ context: DoctorContext) -> [Finding] {
        guard context.nodeCount == 2 else { return [] }
        let policy = context.cib.properties["no-quorum-policy"] ?? "stop"
        let subject = "property no-quorum-policy"
        switch context.corosync {
        case .read(let corosync) where corosync.twoNode:
            guard policy == "ignore" else { return [] }
            return [Finding(
                check: "quorum-two-node-ignore", severity: .warning, subject: subject,
                message: "no-quorum-policy=ignore although corosync has two_node: 1",
                why: "two_node already keeps the survivor quorate after its peer is lost; ignore also lets a node that booted alone (wait_for_all bypassed) or a cut-off node run resources, relying on fencing alone against a split brain.",
                fix: "crm_attribute --type crm_config --name no-quorum-policy --delete (default: stop)")]
        case .read:
            guard policy != "ignore" else { return [] }
            return [Finding(
                check: "quorum-two-node", severity: .error, subject: subject,
                message: "2 nodes, no-quorum-policy=\(policy) and corosync without two_node: 1",
                why: "When either node is lost the survivor has 1 of 2 votes, no quorum, and \(policy == "freeze" ? "keeps what it runs but takes nothing over" : "stops everything"): the failover this cluster exists for never happens.",
                fix: "corosync.conf on both nodes: quorum { provider: corosync_votequorum; two_node: 1 }, then corosync-cfgtool -R (keep no-quorum-policy=stop)")]
        default:
            guard policy != "ignore" else { return [] }
            return [Finding(
                check: "quorum-two-node-unknown", severity: .info, subject: subject,
                message: "2 nodes with no-quorum-policy=\(policy); corosync.conf was not read",
                why: "Without corosync's two_node: 1 the survivor of a node loss has no quorum and \(policy == "freeze" ? "takes nothing over" : "stops everything").",
                fix: "make sure corosync.conf has quorum { two_node: 1 } on both nodes (tandem doctor on a node checks it)")]
        }
    }
}
