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
    /// may hold a CHAP secret). `done` reads whether the write took effect: after a queued
    /// write it decides, since SCST's last result may be another work's (see `awaitQueued`).
    /// No write starts once the action's time is used up (it may block 15 s in the kernel).
    func write(_ attribute: String, _ command: String, what: String, done: (() -> Bool)? = nil) throws {
        guard !budget.isExhausted() else {
            throw OCFFailure(.genericError, "SCST: \(what): no time left in the action")
        }
        do {
            try tree.write(attribute, command)
            return
        } catch where error.code == EAGAIN {
            // Rare (SCST held past 15 s by other work): said, as it explains a slow action.
            logger.info("SCST: \(what): queued (EAGAIN), waiting for last_sysfs_mgmt_res")
        } catch {
            throw OCFFailure(.genericError, "SCST: \(what): \(String(cString: strerror(error.code)))")
        }
        guard let done else {
            let code = try awaitQueued(what)
            guard code == 0 else {
                throw OCFFailure(.genericError, "SCST: \(what): \(Self.describe(code)) (SCST's last result after the queued work)")
            }
            return
        }
        // Done as soon as the effect shows, even while other work keeps SCST busy (another
        // resource's reads count as work); otherwise SCST's going idle without it is a failure.
        enum Outcome { case done, idle(Int32) }
        let outcome: Outcome? = budget.poll(every: 200) { () -> Outcome? in
            if done() { return .done }
            return lastResult().map { .idle($0) }
        }
        switch outcome {
        case .done: return
        case .idle(let code) where done():
            if code != 0 { logger.info("SCST: \(what): done; SCST's last result (\(Self.describe(code))) was another work's") }
        case .idle(let code):
            throw OCFFailure(.genericError, "SCST: \(what): not done when SCST's queued work ended"
                             + (code == 0 ? "" : " (last result: \(Self.describe(code)))"))
        case nil:
            throw OCFFailure(.genericError, "SCST: \(what): still queued when the time ran out")
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

    /// Waits until SCST has no queued work and returns `last_sysfs_mgmt_res` (0 or -errno).
    /// That is the result of whatever work ended last, not necessarily ours: the lab read -17
    /// from another work after our queued add_target had succeeded. Hence `done` in `write`.
    private func awaitQueued(_ what: String) throws -> Int32 {
        guard let code = budget.poll(every: 200, lastResult) else {
            throw OCFFailure(.genericError, "SCST: \(what): still queued when the time ran out")
        }
        return code
    }

    /// `last_sysfs_mgmt_res`, or nil while SCST still runs queued work (EAGAIN).
    private func lastResult() -> Int32? {
        do {
            return Int32(try tree.read("last_sysfs_mgmt_res").trimmingWhitespace()) ?? -EIO
        } catch {
            return error.code == EAGAIN ? nil : -error.code
        }
    }

    /// "-17" as strerror's text (SCST reports -errno).
    static func describe(_ code: Int32) -> String { String(cString: strerror(code < 0 ? -code : code)) }
}
