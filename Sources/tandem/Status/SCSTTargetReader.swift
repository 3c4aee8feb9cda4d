import TandemCore

/// SCST's iSCSI targets from sysfs: each target with its LUNs (default set and initiator
/// groups), their devices' backing paths and serials, the target groups of the device group
/// each device is in (SCST shows the peer's group too), and sessions.
struct SCSTTargetReader {
    let tree: AttributeTree

    func targets() -> [LocalTarget] {
        let targets = "targets/iscsi"
        return children(targets).filter { tree.isDirectory(targets + "/" + $0) }.map { iqn in
            let target = targets + "/" + iqn
            var byNumber: [Int: LocalTarget.LUN] = [:]
            let lunSets = [target + "/luns"] + children(target + "/ini_groups").map { target + "/ini_groups/\($0)/luns" }
            for set in lunSets {
                for name in children(set) {
                    guard let number = decimalNumber(name, maxDigits: 5), byNumber[number] == nil else { continue }
                    byNumber[number] = lun(number, device: tree.linkedObject(set + "/\(name)/device"), target: iqn)
                }
            }
            let portals = children(target).filter { $0.hasBytePrefix("allowed_portal") }.compactMap { read(target + "/" + $0) }
            let sessions = children(target + "/sessions").map { name in
                read(target + "/sessions/\(name)/initiator_name") ?? name
            }
            return LocalTarget(backend: .scst, iqn: iqn, portalGroup: nil, enabled: read(target + "/enabled") == "1",
                               portals: portals.sorted(), luns: byNumber.keys.sorted().compactMap { byNumber[$0] },
                               sessions: Array(Set(sessions)).sorted())
        }
    }

    private func lun(_ number: Int, device object: String?, target iqn: String) -> LocalTarget.LUN {
        guard let object, object.hasBytePrefix("devices/") else {
            return LocalTarget.LUN(number: number, device: nil, serial: "", groups: [])
        }
        let name = object.droppingBytes("devices/".utf8.count)
        let path = read(object + "/filename").map { String($0.utf8.split(separator: UInt8(ascii: "\n")).first.map { Substring($0) } ?? "") }
        // A device without a file (nullio) is shown by its name.
        return LocalTarget.LUN(number: number, device: path.flatMap { $0.isEmpty ? nil : $0 } ?? name, serial: read(object + "/usn") ?? "",
                               groups: groups(ofDevice: name, target: iqn))
    }

    /// The target groups of the device group that holds device NAME.
    private func groups(ofDevice name: String, target iqn: String) -> [LocalTarget.PortGroup] {
        for deviceGroup in children("device_groups") where tree.exists("device_groups/\(deviceGroup)/devices/\(name)") {
            let base = "device_groups/\(deviceGroup)/target_groups"
            return children(base).filter { tree.isDirectory(base + "/" + $0) }.map { group in
                let path = base + "/" + group
                return LocalTarget.PortGroup(
                    name: group, id: read(path + "/group_id").flatMap { decimalNumber($0, maxDigits: 5) },
                    state: read(path + "/state").flatMap(ALUAState.init(rawValue:)),
                    preferred: read(path + "/preferred") == "1", local: tree.exists(path + "/" + iqn))
            }
        }
        return []
    }

    private func children(_ relative: String) -> [String] { (try? tree.children(relative)) ?? [] }
    private func read(_ relative: String) -> String? { try? tree.read(relative) }
}
