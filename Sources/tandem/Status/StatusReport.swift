import TandemCore

/// Everything `tandem status` shows: the cluster from one crm_mon call, this node's DRBD,
/// LVM and iSCSI targets from the kernel, and the problems among them.
struct StatusReport: Sendable {
    /// The `--json` schema's version (`"schema": "tandem-status/1"`); README "tandem status --json".
    static let schemaVersion = 1
    static let schema = "tandem-status/\(schemaVersion)"

    /// The cluster, or nil when crm_mon failed (`clusterError` says why).
    let cluster: ClusterStatus?
    let clusterError: String?
    /// This node's state; nil when not read (`--file`: a saved document of another moment,
    /// perhaps of another node).
    let local: LocalState?

    struct LocalState: Sendable {
        /// This node's name (uname), to tell local DRBD roles from the peer's.
        let nodeName: String
        let drbd: LocalDRBD
        let volumeGroups: [ActiveVolumeGroup]
        /// LIO's and SCST's targets (configfs, sysfs).
        var targets: [LocalTarget] = []
    }

    var floatingIPs: [FloatingIP] { cluster.map(FloatingIP.all(in:)) ?? [] }

    /// The cluster node a DRBD connection leads to: its name where DRBD 9 reports one; on
    /// DRBD 8 (connection "peer") the other node of a two-node cluster this node belongs to.
    func peerNode(_ connection: DRBDConnection) -> String? {
        if let name = connection.name, name != DRBDProcStatus.legacyConnectionName { return name }
        guard let local, let nodes = cluster?.nodes.map(\.name), nodes.count == 2, nodes.contains(local.nodeName) else {
            return nil
        }
        return nodes.first { $0 != local.nodeName }
    }

    /// Problems first: errors, then warnings, then notes, each group in discovery order.
    var problems: [Problem] {
        var found: [Problem] = []
        if let clusterError { found.append(Problem(severity: .error, subject: "cluster", message: clusterError)) }
        if let cluster { found += ClusterProblems(cluster).all }
        if let local {
            found += DRBDProblems(local.drbd).all
            for group in local.volumeGroups {
                for volume in group.volumes where volume.suspended {
                    found.append(Problem(severity: .error, subject: "lvm:\(group.name)",
                                         message: "\(group.name)/\(volume.name) (\(volume.device)) is suspended: I/O to it waits"))
                }
            }
            found += TargetProblems(local.targets).all
        }
        return found.enumerated().sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }
            .map(\.element)
    }

    /// The exit status: 0 nothing wrong, 1 warnings, 2 errors (as `tandem doctor`).
    var exitCode: Int32 {
        let worst = problems.map(\.severity).min()
        return worst == .error ? 2 : worst == .warning ? 1 : 0
    }
}
