import TandemCore

extension LVMAgent {
    /// start: validate (read-only), make this node the group's owner as the mode says,
    /// activate, and verify in the kernel that every LV asked for is active.
    func start() throws -> OCFExitCode {
        let facts = try validateHost()
        let wanted = facts.wanted(logicalVolume)
        let physical = try lvm.physicalVolumes(of: volumeGroup)
        let identity = VolumeIdentity(volumeGroup: facts.report.id, logicalVolumes: wanted, physicalVolumes: physical)
        let before = activeVolumes(identity: identity)
        if !wanted.allSatisfy({ volume in before.volumes.contains { $0.id == volume.id } }) {
            switch facts.mode {
            case .systemID: try takeOver(facts)
            case .tagging: try claimTag(facts.report)
            case .lvmlockd: try startLockspace()
            case .clvmd: break  // refused by validateHost
            }
            try activate(facts.mode)
        }
        identity.save(identityFile)
        let after = activeVolumes(identity: identity)
        let missing = wanted.filter { volume in !after.volumes.contains { $0.id == volume.id } }
        guard missing.isEmpty else {
            throw OCFFailure(.genericError, "LVM reported \(target) activated, but the kernel has no device for "
                             + missing.map { volumeGroup.text + "/" + $0.name }.joined(separator: ", ")
                             + " (activation/volume_list?)")
        }
        ShutdownOrdering(runner: context.runner, logger: context.logger).ensure()
        return .success
    }

    /// The activation command's arguments (after `lvchange` for one LV, `vgchange` for the group).
    func activationArguments(_ mode: AccessMode) -> [String] {
        var arguments: [String] = []
        switch mode {
        case .lvmlockd: arguments.append("-a" + activation.activateArgument)
        case .tagging: arguments += ["-ay", "--config", "activation{volume_list=[\"@\(tag.text)\"]}"]
        case .systemID, .clvmd: arguments.append("-ay")
        }
        if partial { arguments.append("--partial") }
        if degraded { arguments += ["--activationmode", "degraded"] }
        return arguments + [target]
    }

    func activate(_ mode: AccessMode) throws {
        let tool = logicalVolume == nil ? "vgchange" : "lvchange"
        let result = try lvm.change(tool, activationArguments(mode))
        guard result.succeeded else {
            throw OCFFailure(.genericError, "\(tool) could not activate \(target): \(result.summary)")
        }
    }

    /// The cluster's nodes as crm_mon shows them; nil when it cannot tell.
    func clusterNodes() -> [ClusterNode]? {
        try? CrmMonSource(runner: context.runner, featureSet: context.environment.featureSet?.description,
                          sbinDirectory: context.environment.sbinDir).fetch().nodes
    }

    /// system_id: take the group over (also from a node that died: its ID is named as an extra
    /// one for this command), and switch its autoactivation off, so no node activates it at
    /// boot. The previous owner is normally online (a planned move leaves its ID on the group):
    /// a system ID is no lock; Pacemaker's placement, DRBD's single Primary and fencing exclude.
    func takeOver(_ facts: HostFacts) throws {
        guard let local = facts.localSystemID else { return }
        let owner = facts.report.systemID
        if owner != local {
            guard owner.unicodeScalars.allSatisfy({ LVMTag.isTagCharacter($0) }) else {
                throw OCFFailure(.genericError, "\(volumeGroup) has a system ID this agent cannot pass on: \(owner.debugDescription)")
            }
            var arguments = ["-y"]
            if majorityPVs { arguments.append("--majoritypvs") }
            if !owner.isEmpty { arguments += ["--config", "local/extra_system_ids=[\"\(owner)\"]"] }
            let result = try lvm.change("vgchange", arguments + ["--systemid", local, volumeGroup.text])
            guard result.succeeded else {
                throw OCFFailure(.genericError, "cannot take \(volumeGroup) over from system ID "
                                 + "\(owner.isEmpty ? "(none)" : owner): \(result.summary)")
            }
            context.logger.info("\(volumeGroup): system ID \(owner.isEmpty ? "(none)" : owner) → \(local)")
        }
        if facts.report.autoactivation {
            let result = try lvm.change("vgchange", ["--setautoactivation", "n", volumeGroup.text])
            if !result.succeeded { context.logger.warning("\(volumeGroup): autoactivation left on: \(result.summary)") }
        }
    }

    /// tagging: the cluster tag on the group. A tag naming another cluster node (the old LVM
    /// agent's owner tag) is stripped when that node is offline, and stops the start while it
    /// is online: it may still use the group.
    func claimTag(_ report: VolumeGroupReport) throws {
        let others = report.tags.filter { $0 != tag.text }
        if !others.isEmpty, let nodes = clusterNodes() {
            for node in nodes where others.contains(node.name) && node.name != context.localNode {
                if node.online {
                    throw OCFFailure(.genericError, "\(volumeGroup) carries the tag of node \(node.name), which is online: "
                                     + "it may still use the group")
                }
                let result = try lvm.change("vgchange", ["--deltag", node.name, volumeGroup.text])
                if !result.succeeded { context.logger.warning("\(volumeGroup): tag \(node.name) left: \(result.summary)") }
            }
        }
        if !report.tags.contains(tag.text) {
            let result = try lvm.change("vgchange", ["--addtag", tag.text, volumeGroup.text])
            guard result.succeeded else {
                throw OCFFailure(.genericError, "cannot tag \(volumeGroup) with \(tag.text): \(result.summary)")
            }
        }
    }

    /// lvmlockd: the group's lockspace (idempotent).
    func startLockspace() throws {
        let result = try lvm.change("vgchange", ["--lockstart", volumeGroup.text])
        guard result.succeeded else {
            throw OCFFailure(.genericError, "cannot start the lockspace of \(volumeGroup): \(result.summary)")
        }
    }

    /// reload-agent: the reloadable parameters are read by start only; what can change under a
    /// running group is its LV list (an LV added or removed by the admin), read again here.
    func reloadAgent() throws -> OCFExitCode {
        guard let identity = VolumeIdentity.load(identityFile), case .found(let report) = try lvm.report(volumeGroup: volumeGroup)
        else { return .success }
        let active = activeVolumes(identity: identity)
        let volumes = report.logicalVolumes.filter { volume in
            (logicalVolume == nil || volume.name == logicalVolume?.text) && active.volumes.contains { $0.id == volume.id }
        }
        VolumeIdentity(volumeGroup: report.id, logicalVolumes: volumes, physicalVolumes: identity.physicalVolumes).save(identityFile)
        context.logger.info("\(target): parameters reloaded; LVs watched: \(volumes.map(\.name).joined(separator: ", "))")
        return .success
    }
}
