import TandemCore

/// What is wrong in the cluster as crm_mon shows it.
struct ClusterProblems {
    let status: ClusterStatus

    init(_ status: ClusterStatus) { self.status = status }

    var all: [Problem] {
        guard status.isConnected else {
            let reason = status.disconnected?.description ?? status.result?.message ?? "no cluster"
            return [Problem(severity: .error, subject: "cluster", message: "not connected: \(reason)")]
        }
        var found: [Problem] = []
        if status.dcName == nil {
            found.append(Problem(severity: .error, subject: "cluster", message: "no DC: an election is running or the cluster is partitioned"))
        } else if !status.hasQuorum {
            found.append(Problem(severity: .error, subject: "cluster", message: "no quorum: resources follow no-quorum-policy"))
        }
        let options = status.summary?.options
        if options?.maintenanceMode == true {
            found.append(Problem(severity: .warning, subject: "cluster", message: "maintenance-mode=true: Pacemaker does not manage or monitor any resource"))
        }
        if options?.stonithEnabled == false || options?.fencingEnabled == false {
            found.append(Problem(severity: .warning, subject: "cluster", message: "fencing is disabled (stonith-enabled=false): a lost node is never fenced"))
        }
        if options?.stopAllResources == true {
            found.append(Problem(severity: .warning, subject: "cluster", message: "stop-all-resources=true"))
        }
        found += nodeProblems
        found += resourceProblems
        for failure in status.failures {
            let reason = failure.exitReason.isEmpty ? "" : ": \(failure.exitReason)"
            found.append(Problem(severity: .error, subject: "resource:\(failure.resourceID)",
                                 message: "\(failure.operationKey) failed on \(failure.node) (\(failure.exitStatus))\(reason)"))
        }
        for event in status.fenceHistory where event.status == .failed {
            found.append(Problem(severity: .error, subject: "node:\(event.target)",
                                 message: "fencing (\(event.action)) of \(event.target) failed"))
        }
        return found
    }

    private var nodeProblems: [Problem] {
        status.nodes.compactMap { node in
            let subject = "node:\(node.name)"
            if node.unclean { return Problem(severity: .error, subject: subject, message: "\(node.name) is UNCLEAN: it must be fenced before its resources can move") }
            if !node.online { return Problem(severity: .warning, subject: subject, message: "\(node.name) is offline: no redundancy") }
            if node.standby { return Problem(severity: .warning, subject: subject, message: "\(node.name) is in standby") }
            if node.maintenance { return Problem(severity: .warning, subject: subject, message: "\(node.name) is in maintenance") }
            if node.pending { return Problem(severity: .info, subject: subject, message: "\(node.name) is joining") }
            return nil
        }
    }

    /// Resources that failed, are blocked, unmanaged, or stopped without being disabled.
    private var resourceProblems: [Problem] {
        var found: [Problem] = []
        var reported = Set<String>()
        for resource in status.resources {
            for primitive in resource.primitives where !reported.contains(String(primitive.baseID)) {
                let id = String(primitive.baseID)
                if primitive.failed {
                    found.append(Problem(severity: .error, subject: "resource:\(id)", message: "\(primitive.id) is FAILED on \(primitive.nodeNames.joined(separator: " "))"))
                    reported.insert(id)
                } else if primitive.blocked {
                    found.append(Problem(severity: .error, subject: "resource:\(id)", message: "\(primitive.id) is blocked (a failed stop without fencing)"))
                    reported.insert(id)
                } else if !primitive.managed {
                    found.append(Problem(severity: .warning, subject: "resource:\(id)", message: "\(primitive.id) is unmanaged"))
                    reported.insert(id)
                }
            }
        }
        for ip in FloatingIP.all(in: status) where ip.isDown && !reported.contains(ip.id) {
            found.append(Problem(severity: .error, subject: "resource:\(ip.id)", message: "floating IP \(ip.id) runs nowhere: clients cannot reach the SAN through it"))
        }
        return found
    }
}
