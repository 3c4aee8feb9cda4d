import TandemCore

/// LIO's iSCSI targets from configfs: each target portal group with its portals, LUNs (the
/// storage object each links to, its device and serial, its ALUA group) and sessions.
struct LIOTargetReader {
    let tree: AttributeTree

    func targets() -> [LocalTarget] {
        var found: [LocalTarget] = []
        // Every target directory (names targetcli accepts that ours does not too), not discovery_auth.
        for iqn in children("iscsi") where iqn != "discovery_auth" && tree.isDirectory("iscsi/" + iqn) {
            for tag in children("iscsi/" + iqn) where tag.hasBytePrefix("tpgt_") {
                guard let number = decimalNumber(tag.droppingBytes(5), maxDigits: 5) else { continue }
                found.append(target(iqn: iqn, tag: number, tpg: "iscsi/\(iqn)/\(tag)"))
            }
        }
        return found
    }

    private func target(iqn: String, tag: Int, tpg: String) -> LocalTarget {
        let luns = children(tpg + "/lun").compactMap { name -> LocalTarget.LUN? in
            guard name.hasBytePrefix("lun_"), let number = decimalNumber(name.droppingBytes(4), maxDigits: 9) else { return nil }
            return lun(number, directory: tpg + "/" + "lun/" + name)
        }.sorted { $0.number < $1.number }
        var sessions = LIOText.dynamicSessions(read(tpg + "/dynamic_sessions") ?? "")
        for acl in children(tpg + "/acls") {
            if let initiator = read(tpg + "/acls/\(acl)/info").flatMap(LIOText.sessionInitiator(fromACLInfo:)) {
                sessions.append(initiator)
            }
        }
        return LocalTarget(backend: .lio, iqn: iqn, portalGroup: tag, enabled: read(tpg + "/enable") == "1",
                           portals: children(tpg + "/np"), luns: luns, sessions: Array(Set(sessions)).sorted())
    }

    private func lun(_ number: Int, directory: String) -> LocalTarget.LUN {
        guard let object = tree.firstLinkedObject(in: directory) else {
            return LocalTarget.LUN(number: number, device: nil, serial: "", groups: [])
        }
        // udev_path, or the UDEV PATH info shows (an object made with control only); a storage
        // object without either (rd_mcp, user) is shown by its name.
        let device = read(object + "/udev_path").flatMap { $0.isEmpty ? nil : $0 } ?? Self.infoPath(read(object + "/info"))
            ?? object
        let serial = read(object + "/wwn/vpd_unit_serial").map(LIOText.serial(fromAttribute:)) ?? ""
        let member = read(directory + "/alua_tg_pt_gp").flatMap(LIOText.groupAlias(fromMembership:))
        // The default group (id 0, every LUN's until another is made) says nothing about ALUA.
        let groups = children(object + "/alua").filter { $0 != "default_tg_pt_gp" && tree.isDirectory(object + "/alua/" + $0) }
            .map { name in
                let group = object + "/alua/" + name
                return LocalTarget.PortGroup(
                    name: name, id: read(group + "/tg_pt_gp_id").flatMap { decimalNumber($0, maxDigits: 5) },
                    state: read(group + "/alua_access_state").flatMap { decimalNumber($0, maxDigits: 3) }.flatMap(ALUAState.init(lioNumber:)),
                    preferred: read(group + "/preferred") == "1", local: name == member)
            }
        return LocalTarget.LUN(number: number, device: device, serial: serial, groups: groups)
    }

    /// The `UDEV PATH: <path>` in a storage object's `info`.
    static func infoPath(_ info: String?) -> String? {
        guard let info, let range = info.firstRange(of: "UDEV PATH: ") else { return nil }
        let path = String(info[range.upperBound...].prefix { !$0.isWhitespace })
        return path.isEmpty ? nil : path
    }

    private func children(_ relative: String) -> [String] { (try? tree.children(relative)) ?? [] }
    private func read(_ relative: String) -> String? { try? tree.read(relative) }
}
