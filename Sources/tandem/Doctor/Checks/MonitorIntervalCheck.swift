import TandemCore

/// Every promotable resource needs a monitor for each role, with distinct intervals.
struct MonitorIntervalCheck: DoctorCheck {
    func findings(_ context: DoctorContext) -> [Finding] {
        context.cib.allResources.filter(\.isPromotable).flatMap { clone in
            clone.primitives.flatMap { findings(for: $0) }
        }
    }

    private func findings(for primitive: CIBResource) -> [Finding] {
        let monitors = primitive.operations.filter { $0.name == "monitor" && $0.intervalMilliseconds > 0 }
        let subject = "resource \(primitive.id)"
        var found: [Finding] = []
        var seen: [Int: CIBResource.Operation] = [:]
        for monitor in monitors {
            if let earlier = seen[monitor.intervalMilliseconds] {
                found.append(Finding(
                    check: "monitor-same-interval", severity: .error, subject: subject,
                    message: "\(primitive.id) has two monitors with interval \(monitor.intervalMilliseconds / 1000)s (\(earlier.role?.rawValue ?? "no role") and \(monitor.role?.rawValue ?? "no role"))",
                    why: "Pacemaker identifies a recurring operation by resource, action and interval: one of the two is dropped, so one role goes unmonitored and a failed Primary (or Secondary) is never noticed.",
                    fix: "give each role its own interval, e.g. crm configure edit \(primitive.id): op monitor interval=10s role=Master, op monitor interval=20s role=Slave"))
            }
            seen[monitor.intervalMilliseconds] = monitor
        }
        if !monitors.contains(where: { $0.role == .promoted }) {
            found.append(Finding(
                check: "monitor-promoted-missing", severity: .error, subject: subject,
                message: "\(primitive.id) has no monitor for the Promoted role",
                why: "A monitor without a role runs only on unpromoted instances: a failure of the Primary is never detected, so the SAN stays down until someone looks.",
                fix: "crm configure edit \(primitive.id): add op monitor interval=10s role=Master timeout=20s"))
        }
        if !monitors.contains(where: { $0.role == nil || $0.role == .unpromoted || $0.role == .started }) {
            found.append(Finding(
                check: "monitor-unpromoted-missing", severity: .warning, subject: subject,
                message: "\(primitive.id) has no monitor for the Unpromoted role",
                why: "A failed Secondary goes unnoticed: the next failover finds no usable peer.",
                fix: "crm configure edit \(primitive.id): add op monitor interval=20s role=Slave timeout=20s"))
        }
        return found
    }
}
