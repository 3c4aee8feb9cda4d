import TandemCore

/// What is wrong with this node's iSCSI targets now.
struct TargetProblems {
    let targets: [LocalTarget]

    init(_ targets: [LocalTarget]) { self.targets = targets }

    var all: [Problem] {
        var found: [Problem] = []
        for target in targets {
            let subject = "target:\(target.iqn)"
            if !target.enabled {
                found.append(Problem(severity: .warning, subject: subject,
                                     message: "\(target.backend.rawValue) target \(target.label) is disabled: no initiator can log in"))
            }
            for lun in target.luns {
                if lun.device == nil {
                    found.append(Problem(severity: .error, subject: subject,
                                         message: "LUN \(lun.number) of \(target.label) has no backing device"))
                }
                for group in lun.groups where group.local {
                    switch group.state {
                    case .transitioning?, .unavailable?, .offline?:
                        found.append(Problem(severity: .warning, subject: subject,
                                             message: "LUN \(lun.number) of \(target.label): this node's port group \(group.name) is "
                                                 + "\(group.state?.description ?? "") (I/O through its paths waits or fails)"))
                    case nil:
                        found.append(Problem(severity: .warning, subject: subject,
                                             message: "LUN \(lun.number) of \(target.label): port group \(group.name) shows no known state"))
                    default:
                        break
                    }
                }
            }
        }
        return found
    }
}
