import Glibc
import TandemCore

/// SCST's sysfs management writes. A write that takes longer than SCST's 15 s returns
/// EAGAIN, meaning queued: `last_sysfs_mgmt_res` answers EAGAIN while any work is pending,
/// then 0 or -errno; it is polled within the action's budget.
struct SCSTManagement {
    let tree: AttributeTree
    let budget: OperationBudget
    let logger: Logger

    /// Writes `command` to `attribute`; `what` names it in a failure (never the command: it
    /// may hold a CHAP secret).
    func write(_ attribute: String, _ command: String, what: String) throws {
        do {
            try tree.write(attribute, command)
        } catch where error.code == EAGAIN {
            // Rare (SCST held past 15 s by other work): said, as it explains a slow action.
            logger.info("SCST: \(what): queued (EAGAIN), waiting for last_sysfs_mgmt_res")
            try awaitQueued(what)
        } catch {
            throw OCFFailure(.genericError, "SCST: \(what): \(String(cString: strerror(error.code)))")
        }
    }

    /// Waits (at most 20 s) while SCST still runs queued work, this resource's from a killed
    /// earlier action or another's, so that what is read next is the settled state.
    func settle() {
        let deadline = MonotonicInstant.now().adding(milliseconds: 20_000)
        _ = budget.poll(every: 200, until: deadline) { () -> Bool? in
            do {
                _ = try tree.read("last_sysfs_mgmt_res")
                return true
            } catch let error as SystemError {
                return error.code == EAGAIN ? nil : true
            } catch {
                return true
            }
        }
    }

    /// Waits until SCST has no queued work. `last_sysfs_mgmt_res` is the result of whatever
    /// work finished last, not necessarily ours (the lab saw -17 from another's work after our
    /// queued add_target had succeeded): a non-zero value is logged, and what the write was
    /// for is checked by what the action reads next (start and stop verify the whole target).
    private func awaitQueued(_ what: String) throws {
        let result: String? = budget.poll(every: 200) { () -> String? in
            do {
                return try tree.read("last_sysfs_mgmt_res")
            } catch let error as SystemError {
                return error.code == EAGAIN ? nil : "-\(error.code)"
            } catch {
                return "-\(EIO)"
            }
        }
        guard let result else { throw OCFFailure(.genericError, "SCST: \(what): still queued when the time ran out") }
        if let code = Int32(result.trimmingWhitespace()), code != 0 {
            logger.warning("SCST: \(what): the last queued work ended with \(String(cString: strerror(-code))) "
                           + "(maybe another's); checked by what follows")
        }
    }
}
