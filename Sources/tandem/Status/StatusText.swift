import TandemCore

/// `tandem status` as text: problems first, then the cluster, DRBD, LVM, floating IPs,
/// failed and pending actions. Colour comes from `terminal` (none off a terminal).
struct StatusText {
    let report: StatusReport
    let terminal: Terminal

    func render() -> String {
        var lines: [String] = []
        let problems = report.problems
        if problems.isEmpty {
            lines.append(terminal.paint("no problems", .green))
        } else {
            lines.append(terminal.paint("PROBLEMS", .bold))
            for problem in problems {
                lines.append("  " + terminal.paint(problem.severity.label, problem.severity.style) + "  " + problem.message)
            }
        }
        if let cluster = report.cluster, cluster.isConnected { lines += clusterLines(cluster) }
        if let local = report.local { lines += drbdLines(local) + volumeLines(local) + targetLines(local) }
        lines += floatingIPLines() + failureLines() + pendingLines()
        return lines.joined(separator: "\n") + "\n"
    }

    private func heading(_ text: String) -> String { terminal.paint(text, .bold) }

    private func clusterLines(_ status: ClusterStatus) -> [String] {
        let online = status.nodes.filter(\.online).count
        var summary = "cluster: DC \(status.dcName ?? "none"), " + (status.hasQuorum ? "quorate" : "WITHOUT quorum")
            + ", \(online) of \(status.nodes.count) nodes online, \(status.resources.count) resources"
        if status.summary?.options.maintenanceMode == true { summary += ", MAINTENANCE" }
        var lines = [heading(summary)]
        lines += ResourceTable.align(status.nodes.map { node in ["node \(node.name)", Self.nodeState(node), node.isDC ? "DC" : ""] })
        lines += ResourceTable.align(ResourceTable.rows(status))
        return lines
    }

    static func nodeState(_ node: ClusterNode) -> String {
        if !node.online { return node.unclean ? "OFFLINE (unclean)" : "offline" }
        if node.standby { return "standby" }
        if node.maintenance { return "maintenance" }
        return node.pending ? "pending" : "online"
    }

    private func drbdLines(_ local: StatusReport.LocalState) -> [String] {
        switch local.drbd {
        case .notLoaded: return [heading("drbd: not loaded on \(local.nodeName)")]
        case .unreadable: return []
        case .resources(let version, let source, let resources):
            var rows: [[String]] = []
            for resource in resources {
                let state = resource.state
                let peers = state.connections.map { connection in
                    "\(report.peerNode(connection) ?? connection.name ?? "peer \(connection.peerNodeID)") "
                        + "\(connection.peerRole.rawValue) \(connection.state.rawValue)"
                }
                rows.append([resource.displayName, "\(local.nodeName) \(state.role.rawValue)" + (state.suspended ? " SUSPENDED" : ""),
                             peers.joined(separator: ", ")])
                for device in state.devices {
                    for connection in state.connections {
                        guard let peerDevice = connection.peerDevice(volume: device.volume) else { continue }
                        rows.append(["  volume \(device.volume)" + (device.minor.map { " (drbd\($0))" } ?? ""),
                                     "\(device.disk.rawValue)/\(peerDevice.peerDisk.rawValue)",
                                     peerDevice.replication.rawValue + Self.progress(peerDevice.sync, resyncing: peerDevice.replication.isResyncing)])
                    }
                    if state.connections.isEmpty {
                        rows.append(["  volume \(device.volume)" + (device.minor.map { " (drbd\($0))" } ?? ""), device.disk.rawValue])
                    }
                }
            }
            return [heading("drbd \(version) (\(source.rawValue)) on \(local.nodeName)")] + ResourceTable.align(rows)
        }
    }

    /// " 42.5% ETA 0:01:05" while a resync runs (ETA only where DRBD estimates one: /proc/drbd).
    static func progress(_ sync: DRBDSyncProgress?, resyncing: Bool) -> String {
        guard resyncing, let sync else { return "" }
        var text = sync.donePercent.map { " " + DRBDProblems.percent($0) } ?? ""
        if let seconds = sync.finishSeconds {
            let minutes = String(seconds / 60 % 60)
            let secs = String(seconds % 60)
            text += " ETA \(seconds / 3600):" + (minutes.count < 2 ? "0" : "") + minutes + ":" + (secs.count < 2 ? "0" : "") + secs
        }
        return text
    }

    private func volumeLines(_ local: StatusReport.LocalState) -> [String] {
        guard !local.volumeGroups.isEmpty else { return [heading("lvm: no volume group active on \(local.nodeName)")] }
        var rows: [[String]] = []
        for group in local.volumeGroups {
            for volume in group.volumes {
                rows.append(["\(group.name)/\(volume.name)", volume.device, volume.suspended ? "SUSPENDED" : "active",
                             volume.holders.isEmpty ? "" : "held by " + volume.holders.joined(separator: " ")])
            }
        }
        return [heading("lvm: active on \(local.nodeName) (device-mapper)")] + ResourceTable.align(rows)
    }

    private func targetLines(_ local: StatusReport.LocalState) -> [String] {
        guard !local.targets.isEmpty else { return [heading("iSCSI: no target on \(local.nodeName)")] }
        var lines = [heading("iSCSI targets on \(local.nodeName)")]
        for target in local.targets {
            lines.append("  \(target.backend.rawValue) \(target.label)  " + (target.enabled ? "enabled" : "DISABLED")
                         + (target.portals.isEmpty ? "" : "  portals " + target.portals.joined(separator: " "))
                         + "  " + (target.sessions.isEmpty ? "no session" : "sessions " + target.sessions.joined(separator: " ")))
            lines += ResourceTable.align(target.luns.map { lun in
                ["LUN \(lun.number)", lun.device ?? "NO DEVICE", lun.serial.isEmpty ? "" : "serial " + lun.serial,
                 lun.groups.map(Self.groupText).joined(separator: "; ")]
            }, indent: "    ")
        }
        return lines
    }

    /// `tandem_tg1 (1) active/optimized preferred, here`.
    static func groupText(_ group: LocalTarget.PortGroup) -> String {
        group.name + (group.id.map { " (\($0))" } ?? "") + " " + (group.state?.description ?? "unknown")
            + (group.preferred ? " preferred" : "") + (group.local ? ", here" : "")
    }

    private func floatingIPLines() -> [String] {
        let ips = report.floatingIPs
        guard !ips.isEmpty else { return [] }
        return [heading("floating IPs")] + ResourceTable.align(ips.map { ip in
            [ip.id, ip.agent, ip.disabled && ip.nodes.isEmpty ? "disabled"
                : ip.isDown ? "DOWN" : "on " + ip.nodes.joined(separator: " ")]
        })
    }

    private func failureLines() -> [String] {
        guard let failures = report.cluster?.failures, !failures.isEmpty else { return [] }
        return [heading("failed actions")] + ResourceTable.align(failures.map { failure in
            [failure.operationKey, "on \(failure.node)", "\(failure.exitStatus) (\(failure.exitCode))",
             failure.exitReason.isEmpty ? "" : failure.exitReason]
        })
    }

    private func pendingLines() -> [String] {
        guard let pending = report.cluster?.pendingOperations, !pending.isEmpty else { return [] }
        return [heading("in progress")] + ResourceTable.align(pending.map { operation in
            switch operation {
            case .resource(let id, let role, let task, let nodes):
                return [id, task ?? role.rawValue, nodes.isEmpty ? "" : "on " + nodes.joined(separator: " ")]
            case .fencing(let event):
                return ["fencing", event.action, "of \(event.target)" + (event.delegate.map { " by \($0)" } ?? "")]
            }
        })
    }
}
