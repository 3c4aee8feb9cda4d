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
                try management.write(layout.target + "/enabled", "0", what: "disable \(configuration.iqn)")
            }
            try closeSessions()
            try management.write("targets/iscsi/mgmt", "del_target \(configuration.iqn)", what: "remove \(configuration.iqn)")
        }
        if tree.isDirectory(layout.deviceGroup) {
            try management.write("device_groups/mgmt", "del \(layout.resource)", what: "remove device group \(layout.resource)")
        }
        for name in ownDevices() {
            try management.write(SCSTLayout.handler + "/mgmt", "del_device \(name)", what: "delete device \(name)")
        }
    }

    /// Closes every session of the target and waits, for as long as the stop's budget lasts,
    /// until they are gone: SCST refuses to remove a target with sessions, and a stop that
    /// gives up early gets the node fenced, while SCST busy with other work (the lab held it
    /// 40 s) closes them late but does close them.
    private func closeSessions() throws {
        let sessions = layout.target + "/sessions"
        for session in entries(sessions) {
            // Best effort: a session that goes by itself meanwhile is what is wanted.
            try? management.write(sessions + "/" + session + "/force_close", "1", what: "close session \(session)")
        }
        let began = MonotonicInstant.now()
        let gone: Bool? = budget.poll(every: 200) { entries(sessions).isEmpty ? true : nil }
        if gone == nil {
            throw OCFFailure(.genericError, "sessions of \(configuration.iqn) still open "
                             + "\(began.milliseconds(until: .now()) / 1000) s after force_close, when stop's time ran out: "
                             + entries(sessions).joined(separator: ", "))
        }
    }
}
