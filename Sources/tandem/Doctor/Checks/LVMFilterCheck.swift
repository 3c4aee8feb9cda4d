/// LVM must not see the disks under DRBD (global_filter), and must see /dev/drbd*.
struct LVMFilterCheck: DoctorCheck {
    func findings(_ context: DoctorContext) -> [Finding] {
        guard let filter = context.lvmFilter.value, let dump = context.drbd.value else { return [] }
        var found: [Finding] = []
        var checked = Set<String>()
        for resource in dump.resources {
            for disk in resource.backingDisks where checked.insert(disk).inserted && filter.accepts(disk) {
                let by = filter.decidingPattern(for: disk).map { "accepted by \"\($0.text)\"" } ?? "matched by no pattern, so accepted"
                found.append(Finding(
                    check: "lvm-filter-backing-disk", severity: .error, subject: "lvm global_filter",
                    message: "LVM sees \(disk), the disk under DRBD \(resource.name) (\(by))",
                    why: "LVM finds the VG's PV twice (on \(disk) and on the DRBD device) or activates it from the backing disk, bypassing replication: writes never reach the peer, and the Secondary's copy is corrupted under DRBD.",
                    fix: "devices { global_filter = [ \"a|^/dev/drbd.*|\", \"r|.*|\" ] } in /etc/lvm/lvm.conf (plus any local PVs) on both nodes, then update-initramfs -u"))
            }
            for device in resource.devices where checked.insert(device).inserted && !filter.accepts(device) {
                found.append(Finding(
                    check: "lvm-filter-drbd-device", severity: .warning, subject: "lvm global_filter",
                    message: "LVM's global_filter rejects \(device) (DRBD \(resource.name))",
                    why: "A VG on the DRBD device is invisible to LVM: the lvm resource cannot activate it and fails to start.",
                    fix: "accept it first: global_filter = [ \"a|^/dev/drbd.*|\", … ] in /etc/lvm/lvm.conf"))
            }
        }
        return found
    }
}
