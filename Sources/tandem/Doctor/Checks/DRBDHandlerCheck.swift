/// DRBD resource fencing needs the crm-fence-peer handlers (fence and unfence).
struct DRBDHandlerCheck: DoctorCheck {
    func findings(_ context: DoctorContext) -> [Finding] {
        guard let dump = context.drbd.value else { return [] }
        let managed = Set(context.layout.drbdPrimitives.compactMap { $0.parameters["drbd_resource"] })
        return dump.resources.filter { managed.isEmpty || managed.contains($0.name) }.flatMap(findings(for:))
    }

    private func findings(for resource: DRBDConfigurationDump.Resource) -> [Finding] {
        guard let fencing = resource.fencing, fencing == "resource-only" || fencing == "resource-and-stonith" else {
            return []
        }
        let subject = "drbd \(resource.name)"
        let fencePeer = resource.handlers["fence-peer"] ?? ""
        var found: [Finding] = []
        if !fencePeer.contains("crm-fence-peer") {
            found.append(Finding(
                check: "drbd-fence-handler", severity: .error, subject: subject,
                message: "\(resource.name) has fencing \(fencing) but fence-peer is \(fencePeer.isEmpty ? "not set" : fencePeer)",
                why: "On a replication link failure DRBD calls fence-peer to keep the peer from being promoted on stale data; without the crm handler \(fencing == "resource-and-stonith" ? "I/O stays frozen: the SAN hangs" : "nothing stops Pacemaker from promoting the outdated peer: data written meanwhile is lost").",
                fix: "handlers { fence-peer \"/usr/lib/drbd/crm-fence-peer.9.sh\"; after-resync-target \"/usr/lib/drbd/crm-unfence-peer.9.sh\"; } in \(resource.name)'s configuration, then drbdadm adjust \(resource.name)"))
        }
        let unfence = (resource.handlers["after-resync-target"] ?? "") + (resource.handlers["unfence-peer"] ?? "")
        if fencePeer.contains("crm-fence-peer") && !unfence.contains("crm-unfence-peer") {
            found.append(Finding(
                check: "drbd-unfence-handler", severity: .warning, subject: subject,
                message: "\(resource.name) fences with crm-fence-peer but has no crm-unfence-peer handler",
                why: "The constraint the fence handler places (drbd-fence-by-handler-…) is never removed after the resync: the peer can never be promoted again, and the next failover does not happen.",
                fix: "handlers { after-resync-target \"/usr/lib/drbd/crm-unfence-peer.9.sh\"; } in \(resource.name)'s configuration, then drbdadm adjust \(resource.name)"))
        }
        return found
    }
}
