import TandemCore

extension LVMAgent {
    /// monitor: from the kernel's dm devices only, no LVM command and no LVM lock. 0 when
    /// active, 7 when not (a probe before DRBD is promoted sees nothing: 7). Some of the LVs
    /// start activated gone while others stay: 1, naming them. OCF_CHECK_LEVEL 10 (or more)
    /// also reads a block of each active LV.
    func monitor() throws -> OCFExitCode {
        let active = activeVolumes()
        guard isActive(active) else {
            if !context.isProbe {
                context.logger.warning("\(target) is not active on this node any more")
            }
            return .notRunning
        }
        if logicalVolume == nil, let identity = VolumeIdentity.load(identityFile) {
            let gone = identity.logicalVolumes.map(\.name).filter { !active.contains($0) }
            if !gone.isEmpty {
                throw OCFFailure(.genericError, "\(volumeGroup): LV(s) \(gone.joined(separator: ", ")) "
                                 + "activated by start are no longer active")
            }
        }
        if context.environment.checkLevel >= 10 { try readEachVolume(active) }
        return .success
    }

    /// OCF_CHECK_LEVEL=10: one 4 KiB O_DIRECT read from each active LV, in a child process
    /// bounded by the monitor's budget and abandoned at its deadline (a read under a DRBD that
    /// froze I/O sleeps uninterruptibly). A suspended device is not read: its I/O waits until
    /// LVM resumes it, which it does within moments of any change.
    func readEachVolume(_ active: ActiveVolumes) throws {
        let volumes = logicalVolume.map { [$0.text] } ?? active.names
        for name in volumes {
            guard let device = active.byName[name] else { continue }
            if device.suspended {
                context.logger.warning("\(volumeGroup)/\(name) (\(device.devicePath)) is suspended; read check skipped")
                continue
            }
            let read = try context.runner.run(Command("dd", ["if=" + device.devicePath, "of=/dev/null", "bs=4096",
                                                             "count=1", "iflag=direct", "status=none"]))
            if read.timedOut {
                throw OCFFailure(.genericError, "reading \(volumeGroup)/\(name) (\(device.devicePath)) did not finish "
                                 + "within the monitor's timeout (I/O frozen below it?)")
            }
            guard read.succeeded else {
                throw OCFFailure(.genericError, "reading \(volumeGroup)/\(name) (\(device.devicePath)) failed: \(read.summary)")
            }
        }
    }
}
