import TandemCore

/// What is wrong with this node's DRBD resources.
struct DRBDProblems {
    let drbd: LocalDRBD

    init(_ drbd: LocalDRBD) { self.drbd = drbd }

    var all: [Problem] {
        if case .unreadable(let reason) = drbd {
            return [Problem(severity: .error, subject: "drbd", message: "cannot read the DRBD state: \(reason)")]
        }
        return drbd.list.flatMap(problems(of:))
    }

    private func problems(of resource: LocalDRBD.Resource) -> [Problem] {
        let state = resource.state
        let subject = "drbd:\(resource.displayName)"
        var found: [Problem] = []
        if state.suspended {
            found.append(Problem(severity: .error, subject: subject, message: "\(resource.displayName): I/O suspended (\(state.suspensionReasons.map(\.rawValue).sorted().joined(separator: ",")))"))
        }
        for device in state.devices where device.disk != .upToDate && !device.isDisklessClient {
            let syncing = state.connections.contains { $0.peerDevice(volume: device.volume)?.replication.isResyncing == true }
            found.append(Problem(severity: syncing ? .info : .warning, subject: subject,
                                 message: "\(resource.displayName) volume \(device.volume): disk \(device.disk.rawValue)" + (syncing ? " (resync running)" : "")))
        }
        for connection in state.connections {
            let peer = connection.name ?? "peer \(connection.peerNodeID)"
            switch connection.state {
            case .connected:
                for peerDevice in connection.peerDevices where peerDevice.replication.isResyncing {
                    let percent = peerDevice.sync?.donePercent.map { " \(Self.percent($0))" } ?? ""
                    found.append(Problem(severity: .info, subject: subject,
                                         message: "\(resource.displayName) volume \(peerDevice.volume): \(peerDevice.replication.rawValue) with \(peer)\(percent)"))
                }
            case .standAlone:
                found.append(Problem(severity: .error, subject: subject, message: "\(resource.displayName): StandAlone from \(peer) (split brain or refused connection: replication has stopped)"))
            default:
                found.append(Problem(severity: .warning, subject: subject, message: "\(resource.displayName): \(connection.state.rawValue) to \(peer): not replicating"))
            }
        }
        if state.connections.isEmpty && state.isConfigured {
            found.append(Problem(severity: .warning, subject: subject, message: "\(resource.displayName): no peer configured or connected"))
        }
        return found
    }

    static func percent(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
