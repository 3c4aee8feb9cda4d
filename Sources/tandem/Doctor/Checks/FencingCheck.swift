/// Node fencing: `stonith-enabled=false`, or fencing on without a fence device.
struct FencingCheck: DoctorCheck {
    func findings(_ context: DoctorContext) -> [Finding] {
        let cib = context.cib
        if !cib.fencingEnabled {
            return [Finding(
                check: "stonith-disabled", severity: .error, subject: "property stonith-enabled",
                message: "stonith-enabled=false: no node is ever fenced",
                why: "A node that hangs or loses the cluster network keeps its DRBD Primary, VG and target; the other node takes them over too, and both write: split brain, diverging data, clients on both.",
                fix: "configure a fence device (e.g. crm configure primitive st_sbd stonith:fence_sbd params devices=/dev/disk/by-id/…), then: crm_attribute --type crm_config --name stonith-enabled --update true")]
        }
        if cib.fenceDevices.isEmpty {
            return [Finding(
                check: "stonith-no-device", severity: .error, subject: "property stonith-enabled",
                message: "fencing is enabled but no fence device (class stonith) is configured",
                why: "Pacemaker starts no resource at all without a way to fence (\"Resource start-up disabled since no STONITH resources have been defined\"), and a lost node can never be fenced.",
                fix: "crm configure primitive st_sbd stonith:fence_sbd params devices=/dev/disk/by-id/… (or the fence agent of your power switch or BMC: fence_ipmilan, …)")]
        }
        return []
    }
}
