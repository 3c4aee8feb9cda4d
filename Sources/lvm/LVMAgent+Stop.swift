import TandemCore

extension LVMAgent {
    /// stop: deactivate (again while a device is briefly open), then release what start
    /// claimed (the lockspace, the tag). Nothing active: 0 without running LVM. Still active
    /// when the budget ends: 1, naming what holds the device.
    func stop() throws -> OCFExitCode {
        guard isActive(activeVolumes()) else { return .success }
        let tool = logicalVolume == nil ? "vgchange" : "lvchange"
        var last = ""
        let deadline = context.budget.deadline.adding(milliseconds: -1_500)
        let stopped = try context.budget.poll(every: 1_000, until: deadline) { () throws -> Bool? in
            let result = try lvm.change(tool, ["-an", target])
            last = result.summary
            return isActive(activeVolumes()) ? nil : true
        }
        guard stopped != nil else {
            let holders = DeviceUsers.describe(activeVolumes())
            throw OCFFailure(.genericError, "\(target) is still active: \(last)" + (holders.isEmpty ? "" : "; " + holders))
        }
        switch mode {
        case .lvmlockd where activeVolumes().isEmpty:
            let result = try lvm.change("vgchange", ["--lockstop", volumeGroup.text])
            if !result.succeeded { context.logger.warning("\(volumeGroup): lockspace left started: \(result.summary)") }
        case .tagging where logicalVolume == nil || activeVolumes().isEmpty:
            let result = try lvm.change("vgchange", ["--deltag", tag.text, volumeGroup.text])
            if !result.succeeded { context.logger.warning("\(volumeGroup): tag \(tag.text) left: \(result.summary)") }
        default:
            break
        }
        return .success
    }
}
