import TandemCore

extension LVMAgent {
    /// monitor: from the kernel's dm devices only, no LVM command and no LVM lock. 0 when
    /// active, 7 when not (a probe before DRBD is promoted sees nothing: 7; a recurring
    /// monitor says what is gone). OCF_CHECK_LEVEL 10 (or more) also reads a block of each
    /// active LV.
    func monitor() throws -> OCFExitCode {
        let identity = VolumeIdentity.load(identityFile)
        let active = activeVolumes(identity: identity)
        let own = ownVolumes(active, identity: identity)
        guard !own.isEmpty else {
            if context.isProbe { return .notRunning }
            throw OCFFailure(.notRunning, "\(target) is not active on this node any more")
        }
        if logicalVolume == nil, let identity {
            // An LV removed or deactivated by hand on a running group is the admin's business:
            // a failure here would restart the target and every LUN above it.
            let gone = identity.logicalVolumes.filter { volume in !active.volumes.contains { $0.id == volume.id } }
            if !gone.isEmpty {
                context.logger.warning("\(volumeGroup): LV(s) \(gone.map(\.name).joined(separator: ", ")) that start "
                                       + "activated are not active any more (reload-agent re-reads the list)")
            }
        }
        if context.environment.checkLevel >= 10 { try readEach(own) }
        return .success
    }

    /// OCF_CHECK_LEVEL=10: one 4 KiB O_DIRECT read from each active LV, in a child process
    /// given what is left of the budget minus a reserve, so a read that hangs (under a DRBD
    /// that froze I/O it sleeps uninterruptibly) is abandoned and reported before Pacemaker's
    /// own timeout. A suspended device is not read (its I/O waits for LVM to resume it, which
    /// takes moments); suspended again at the next check, it has hung: 1.
    func readEach(_ volumes: [ActiveVolumes.Volume]) throws {
        for volume in volumes {
            let path = volume.device.devicePath
            let marker = context.stateFile("suspended-" + volume.device.kernelName)
            if volume.device.isSuspended() {
                if FileContents.ageSeconds(marker) != nil {
                    throw OCFFailure(.genericError, "\(volume.volumeGroup)/\(volume.name) (\(path)) has been suspended "
                                     + "since the last check: its I/O hangs (an LVM command killed between suspend and resume?)")
                }
                try? FileContents.writeAtomically(marker, [], createDirectory: true)
                context.logger.warning("\(volume.volumeGroup)/\(volume.name) (\(path)) is suspended; read check skipped")
                continue
            }
            Syscalls.removeFileIfPresent(marker)
            let cap = max(context.budget.remainingMilliseconds() - Self.readReserveMilliseconds, 200)
            let read = try context.runner.run(Command("dd", ["if=" + path, "of=/dev/null", "bs=4096", "count=1",
                                                             "iflag=direct", "status=none"]), capMilliseconds: cap)
            if read.timedOut {
                throw OCFFailure(.genericError, "reading \(volume.volumeGroup)/\(volume.name) (\(path)) did not finish "
                                 + "in \(cap) ms (I/O frozen below it?)")
            }
            guard read.succeeded else {
                throw OCFFailure(.genericError, "reading \(volume.volumeGroup)/\(volume.name) (\(path)) failed: \(read.summary)")
            }
        }
    }

    /// Left of the budget after a read is given up: the kill, the 1 s the runner waits for a
    /// child that cannot die, and the answer.
    static let readReserveMilliseconds = 2_000
}
