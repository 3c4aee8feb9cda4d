import TandemCore

extension LVMAgent {
    /// start: validate (read-only), make this node the group's owner as the mode says,
    /// activate, and verify in the kernel that every LV asked for is active.
    func start() throws -> OCFExitCode {
        let facts = try validateHost()
        let report = facts.report
        let wanted = logicalVolume.map { name in report.logicalVolumes.filter { $0.name == name.text } }
            ?? report.logicalVolumes
        if !wanted.allSatisfy({ activeVolumes().contains($0.name) }) {
            switch mode {
            case .systemID: try takeOver(facts)
            case .tagging: try claimTag(report)
            case .lvmlockd: try startLockspace()
            case .clvmd: break  // refused by validateHost
            }
            try activate()
        }
        let identity = VolumeIdentity(volumeGroup: report.id, logicalVolumes: wanted)
        identity.save(identityFile)
        let active = ActiveVolumes(volumeGroup: volumeGroup, identity: identity, devices: DeviceMapperDevice.all())
        let missing = wanted.map(\.name).filter { !active.contains($0) }
        guard missing.isEmpty else {
            throw OCFFailure(.genericError, "LVM reported \(target) activated, but the kernel has no device for "
                             + missing.map { volumeGroup.text + "/" + $0 }.joined(separator: ", ")
                             + " (activation/volume_list, or an LV with the activation-skip flag?)")
        }
        ShutdownOrdering(runner: context.runner, logger: context.logger).ensure()
        return .success
    }

    /// The activation command: `lvchange` for one LV, `vgchange` for the whole group.
    func activationArguments() -> [String] {
        var arguments: [String] = []
        switch mode {
        case .lvmlockd: arguments.append("-a" + activation.activateArgument)
        case .tagging:
            arguments += ["-ay", "--config", "activation{volume_list=[\"@\(tag.text)\"]}"]
        case .systemID, .clvmd: arguments.append("-ay")
        }
        if partial { arguments.append("--partial") }
        if degraded { arguments += ["--activationmode", "degraded"] }
        return arguments + [target]
    }

    func activate() throws {
        let tool = logicalVolume == nil ? "vgchange" : "lvchange"
        let result = try lvm.change(tool, activationArguments())
        guard result.succeeded else {
            throw OCFFailure(.genericError, "\(tool) could not activate \(target): \(result.summary)")
        }
    }

    /// system_id: take the group over (also from a node that died: its ID is named as an extra
    /// one for this command), and switch its autoactivation off, so no node activates it at boot.
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
        if !others.isEmpty, let nodes = try? CrmMonSource(runner: context.runner,
                                                           featureSet: context.environment.featureSet?.description,
                                                           sbinDirectory: context.environment.sbinDir).fetch().nodes {
            let local = context.meta.onNode ?? Syscalls.hostName()
            for node in nodes where others.contains(node.name) && node.name != local {
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
}
