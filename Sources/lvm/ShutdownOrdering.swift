import Glibc
import TandemCore

/// At an orderly shutdown Pacemaker must stop the stack (target, then LVM, then DRBD) before
/// Debian's blk-availability deactivates every VG on its own (blkdeactivate), or the VG goes
/// from under a running target and the stop fails. pacemaker.service is ordered after
/// resource-agents-deps.target (Pacemaker's unit wants it; resource-agents ships it, and
/// systemd takes a drop-in for it either way); a drop-in orders that target after
/// blk-availability, so at shutdown Pacemaker stops first. blk-availability is started if it is not running: an
/// ordering does not act on a unit that never started. (LVM-activate's fix, PR #1592.)
struct ShutdownOrdering {
    let runner: CommandRunner
    let logger: Logger

    static let dropInDirectory = "/run/systemd/system/resource-agents-deps.target.d"
    static let dropIn = dropInDirectory + "/99-tandem-lvm.conf"
    static let contents = "[Unit]\nAfter=blk-availability.service\n"

    /// Once per boot (/run is emptied by a reboot); without systemd there is nothing to order.
    func ensure() {
        guard access("/run/systemd/system", F_OK) == 0, access(Self.dropIn, F_OK) != 0 else { return }
        do {
            try FileContents.writeAtomically(Self.dropIn, Array(Self.contents.utf8), createDirectory: true)
        } catch {
            logger.warning("shutdown ordering not set (\(Self.dropIn)): \(error)")
            return
        }
        // Without the reload systemd does not know the ordering: the file goes again, so that
        // the next start retries.
        guard let reload = try? runner.run(Command("systemctl", ["daemon-reload"])), reload.succeeded else {
            Syscalls.removeFileIfPresent(Self.dropIn)
            logger.warning("shutdown ordering not set: systemctl daemon-reload failed; the next start retries")
            return
        }
        if let result = try? runner.run(Command("systemctl", ["start", "blk-availability.service"])), !result.succeeded {
            logger.warning("systemctl start blk-availability.service: \(result.summary)")
        }
        logger.info("shutdown ordering: Pacemaker stops before blk-availability (\(Self.dropIn))")
    }
}
