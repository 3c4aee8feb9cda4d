/// A configuration file of this node that is there but could not be read: the checks that
/// need it did not run, which a clean result must not hide.
struct LocalInputCheck: DoctorCheck {
    func findings(_ context: DoctorContext) -> [Finding] {
        var found: [Finding] = []
        func note<Value>(_ local: DoctorContext.Local<Value>, _ name: String, _ checks: String) {
            guard case .failed(let reason) = local else { return }
            found.append(Finding(
                check: "local-unreadable", severity: .warning, subject: name,
                message: "\(name) could not be read: \(reason)",
                why: "The checks that need it (\(checks)) did not run: a clean result says nothing about them.",
                fix: "correct the file (its own tool names the line), or point tandem doctor at the right one"))
        }
        note(context.drbd, "DRBD configuration", "dual-primary, fence handlers, LVM filter against the disks under DRBD")
        note(context.lvmFilter, "LVM configuration", "LVM filter")
        note(context.corosync, "corosync.conf", "two-node quorum")
        note(context.client, "client configuration", "client timeouts")
        return found
    }
}
