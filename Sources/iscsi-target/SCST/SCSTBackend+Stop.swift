import Glibc
import TandemCore

extension SCSTBackend {
    /// stop: this node's group to standby (the client retries on the other node at once), the
    /// target disabled, its sessions closed (bounded wait), the target, the device group and the
    /// resource's devices removed. What does not exist is success.
    func remove() throws {
        guard tree.exists("") else { return }  // SCST not loaded: nothing of ours
        // A device still being made by a killed start must be seen (and removed) here.
        management.settle()
        if tree.isDirectory(layout.target) {
            if let alua = configuration.alua, currentALUAState()?.isActive == true {
                do { try setGroup(layout.targetGroup(alua.groupID), .standby) } catch { logger.warning("stop: \(error)") }
            }
            if read(layout.target + "/enabled") == "1" {
                try management.write(layout.target + "/enabled", "0", what: "disable \(configuration.iqn)",
                                     done: { read(layout.target + "/enabled") == "0" })
            }
            try closeSessions()
            try management.write("targets/iscsi/mgmt", "del_target \(configuration.iqn)", what: "remove \(configuration.iqn)",
                                 done: { !tree.isDirectory(layout.target) })
        }
        if tree.isDirectory(layout.deviceGroup) {
            try management.write("device_groups/mgmt", "del \(layout.resource)", what: "remove device group \(layout.resource)",
                                 done: { !tree.isDirectory(layout.deviceGroup) })
        }
        for name in ownDevices() {
            try management.write(SCSTLayout.handler + "/mgmt", "del_device \(name)", what: "delete device \(name)",
                                 done: { !tree.isDirectory("devices/" + name) })
        }
        // Read without SCST's queued reads (directories only): what is left is a failure.
        let left = [layout.target, layout.deviceGroup].filter(tree.isDirectory) + ownDevices().map { "devices/" + $0 }
        if !left.isEmpty {
            throw OCFFailure(.genericError, "SCST still holds \(left.joined(separator: ", ")) after stop")
        }
    }

    /// Closes every session of the target and waits, for as long as the stop's budget lasts,
    /// until they are gone: SCST refuses to remove a target with sessions, and a stop that
    /// gives up early gets the node fenced, while SCST busy with other work closes them late
    /// but does close them (lab case 56 holds SCST for 70 s).
    private func closeSessions() throws {
        let sessions = layout.target + "/sessions"
        for session in entries(sessions) {
            // Not queued work: the write waits for the target's mutex itself. A failure is
            // said; a session that goes by itself meanwhile is what is wanted.
            do {
                try tree.write(sessions + "/" + session + "/force_close", "1")
            } catch {
                logger.warning("stop: force_close of session \(session): \(String(cString: strerror(error.code)))")
            }
        }
        let began = MonotonicInstant.now()
        // Up to 3 s kept for removing the target, the device group and the devices afterwards.
        let kept = min(3_000, budget.remainingMilliseconds() / 4)
        let gone: Bool? = budget.poll(every: 200, until: budget.deadline.adding(milliseconds: -kept)) {
            entries(sessions).isEmpty ? true : nil
        }
        if gone == nil {
            throw OCFFailure(.genericError, "sessions of \(configuration.iqn) still open "
                             + "\(began.milliseconds(until: .now()) / 1000) s after force_close (stop's time kept for the rest): "
                             + entries(sessions).joined(separator: ", "))
        }
    }
}
