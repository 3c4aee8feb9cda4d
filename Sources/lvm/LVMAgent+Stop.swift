import TandemCore

extension LVMAgent {
    /// stop: deactivate (again while a device is briefly open), then release what start
    /// claimed (the lockspace, the tag), best-effort. Nothing active: 0 without running LVM.
    /// Still active when the budget ends: 1, naming what holds the device. The names come from
    /// the kernel, so a group renamed since start is still found and deactivated.
    func stop() throws -> OCFExitCode {
        let identity = VolumeIdentity.load(identityFile)
        let own = ownVolumes(activeVolumes(identity: identity), identity: identity)
        guard let first = own.first else { return .success }
        let group = first.volumeGroup
        let command = logicalVolume == nil ? ("vgchange", group) : ("lvchange", group + "/" + first.name)
        var last = ""
        let deadline = context.budget.deadline.adding(milliseconds: -Self.cleanupReserveMilliseconds)
        let stopped = try context.budget.poll(every: 1_000, until: deadline) { () throws -> Bool? in
            let result = try lvm.change(command.0, ["-an", command.1])
            last = result.summary
            return ownVolumes(activeVolumes(identity: identity), identity: identity).isEmpty ? true : nil
        }
        guard stopped != nil else {
            let users = DeviceUsers.describe(ownVolumes(activeVolumes(identity: identity), identity: identity))
            throw OCFFailure(.genericError, "\(command.1) is still active: \(last)" + (users.isEmpty ? "" : "; " + users))
        }
        releaseClaims(group: group, identity: identity)
        return .success
    }

    /// Kept for the cleanup after deactivation: it must not eat the budget of the deactivation.
    static let cleanupReserveMilliseconds = 3_000

    /// After deactivation, best-effort: the group is inactive, so whatever happens here the stop
    /// has succeeded (a failed stop fences the node).
    func releaseClaims(group: String, identity: VolumeIdentity?) {
        let nothingActive = activeVolumes(identity: identity).isEmpty
        let arguments: [String]
        switch mode {
        case .lvmlockd where nothingActive: arguments = ["--lockstop", group]
        case .tagging where nothingActive: arguments = ["--deltag", tag.text, group]
        case nil:
            context.logger.warning("\(group): vg_access_mode is not valid; lock or tag (if any) left as they are")
            return
        default: return
        }
        do {
            let result = try lvm.change("vgchange", arguments)
            if !result.succeeded { context.logger.warning("\(group): \(arguments[0]) failed: \(result.summary)") }
        } catch {
            context.logger.warning("\(group): \(arguments[0]) not done: \(error)")
        }
    }
}
