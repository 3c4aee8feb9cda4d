import Glibc
import TandemCore

/// What validate-all and start learned about the host and the VG, read-only.
struct HostFacts {
    let mode: AccessMode
    let report: VolumeGroupReport
    let configuration: LVMConfiguration
    /// This host's LVM system ID (system_id mode only).
    let localSystemID: String?

    /// The LVs start activates and verifies: the one named, or every LV `vgchange -ay` activates.
    func wanted(_ logicalVolume: LVMName?) -> [VolumeGroupReport.LogicalVolume] {
        if let logicalVolume { return report.logicalVolumes.filter { $0.name == logicalVolume.text } }
        return report.logicalVolumes.filter(\.isActivatedWithItsGroup)
    }
}

extension LVMAgent {
    /// The checks of validate-all and start. They run only commands that read (lvmconfig,
    /// lvm systemid, lvs, pvs, drbdadm sh-ll-dev), so a refused configuration changes nothing.
    func validateHost() throws -> HostFacts {
        guard let mode else { throw OCFFailure(.notConfigured, "vg_access_mode is not valid") }  // the runtime refuses it first
        if mode == .clvmd {
            throw OCFFailure(.notInstalled, "vg_access_mode=clvmd: clvmd was removed in LVM 2.03; convert the group "
                             + "to a shared one (vgchange --locktype dlm) and use vg_access_mode=lvmlockd")
        }
        let configuration = try lvm.configuration()
        var localSystemID: String?
        switch mode {
        case .systemID:
            guard configuration.hasSystemIDSource else {
                throw OCFFailure(.invalidArgument, "vg_access_mode=system_id needs global/system_id_source in lvm.conf "
                                 + "(uname, lvmlocal, machineid, file or appmachineid); it is "
                                 + (configuration.systemIDSource ?? "not set"))
            }
            localSystemID = try lvm.localSystemID()
            guard localSystemID != nil else {
                throw OCFFailure(.invalidArgument, "this host has no LVM system ID (system_id_source="
                                 + "\(configuration.systemIDSource ?? "")): see lvmsystemid(7)")
            }
        case .tagging:
            guard let list = configuration.volumeList else {
                throw OCFFailure(.invalidArgument, "vg_access_mode=tagging needs activation/volume_list in lvm.conf "
                                 + "(the local VGs, without @\(tag.text) and \(volumeGroup)): without it every node "
                                 + "activates the group at boot")
            }
            if list.contains("@" + tag.text) || list.contains(volumeGroup.text) || list.contains("@*")
                || list.contains(where: { $0.hasPrefix(volumeGroup.text + "/") }) {
                throw OCFFailure(.invalidArgument, "activation/volume_list in lvm.conf admits \(volumeGroup) on every "
                                 + "node (\(list.joined(separator: ", "))); remove it and @\(tag.text) from the list")
            }
        case .lvmlockd:
            guard configuration.useLVMLockd else {
                throw OCFFailure(.invalidArgument, "vg_access_mode=lvmlockd needs global/use_lvmlockd=1 in lvm.conf")
            }
            guard Self.lvmlockdRuns() else {
                throw OCFFailure(.genericError, "lvmlockd is not running (no live process in /run/lvmlockd.pid): "
                                 + "start it first (dlm, then lvmlockd) and order this resource after it")
            }
        case .clvmd:
            break
        }
        let report = try volumeGroupReport()
        try checkOwnership(report, mode: mode)
        if report.missingPhysicalVolumes > 0 && !partial && !(majorityPVs && mode == .systemID) {
            throw OCFFailure(.genericError, "\(volumeGroup) misses \(report.missingPhysicalVolumes) physical volume(s) "
                             + "(set partial_activation=true to activate anyway)")
        }
        if majorityPVs && mode == .systemID {
            let version = try lvm.version()
            if let version, version < Self.majorityPVsVersion {
                throw OCFFailure(.notInstalled, "majority_pvs=true needs vgchange --majoritypvs (LVM 2.03.17 and later); "
                                 + "this LVM is \(version)")
            }
        }
        if let logicalVolume, !report.logicalVolumes.contains(where: { $0.name == logicalVolume.text }) {
            throw OCFFailure(.notConfigured, "\(volumeGroup) has no logical volume \(logicalVolume)")
        }
        let facts = HostFacts(mode: mode, report: report, configuration: configuration, localSystemID: localSystemID)
        if activation == .shared, let unshareable = facts.wanted(logicalVolume).first(where: { !$0.canBeShared }) {
            throw OCFFailure(.notConfigured, "\(volumeGroup)/\(unshareable.name) (\(unshareable.layout.joined(separator: ","))) "
                             + "cannot be activated shared: LVM refuses -asy for thin, cache, RAID, mirror and snapshot volumes")
        }
        // LVM-activate refuses system_id with any volume_list (PR #1909); a list that admits
        // this group is fine, one that does not would make LVM "succeed" and activate nothing.
        if mode == .systemID,
           !configuration.volumeListAdmits(volumeGroup: volumeGroup.text, logicalVolume: logicalVolume?.text) {
            throw OCFFailure(.invalidArgument, "activation/volume_list in lvm.conf does not admit \(target): "
                             + "LVM would report success and activate nothing")
        }
        try checkDevicesBelow()
        return facts
    }

    static let majorityPVsVersion = DottedVersion(components: [2, 3, 17])

    /// LVM itself believes lvmlockd runs iff /run/lvmlockd.pid exists; a stale file after a
    /// crash names a dead process.
    static func lvmlockdRuns(pidFile: String = "/run/lvmlockd.pid") -> Bool {
        guard let bytes = FileContents.read(pidFile, limit: 64),
              let pid = Int32(String(decoding: bytes, as: UTF8.self).trimmingWhitespace()), pid > 0 else { return false }
        return kill(pid, 0) == 0 || Errno.current == EPERM
    }

    /// The VG as LVM reports it; "not found" explains itself, naming a DRBD device that is
    /// Secondary here when that is why.
    func volumeGroupReport() throws -> VolumeGroupReport {
        switch try lvm.report(volumeGroup: volumeGroup) {
        case .found(let report):
            return report
        case .noLogicalVolumes:
            throw OCFFailure(.notConfigured, "\(volumeGroup) has no logical volumes to activate")
        case .notFound(let words) where words.contains("is exported"):
            // lvs refuses an exported group (rc 5): the same on every node, so 6.
            throw OCFFailure(.notConfigured, "\(volumeGroup) is exported (vgexport): vgimport it first")
        case .notFound(let words):
            var reason = "volume group \(volumeGroup) is not visible on this node"
            if !words.isEmpty { reason += " (\(words.split(whereSeparator: \.isNewline).last ?? ""))" }
            let remembered = VolumeIdentity.load(identityFile)?.physicalVolumes ?? []
            if let hint = DRBDBelow.secondaryHint(devices: remembered) { reason += ": " + hint }
            throw OCFFailure(.genericError, reason)
        }
    }

    /// The PVs must be what LVM may use on this node: a DRBD device this node holds Primary, never
    /// one it holds Secondary (8.4 refuses the open; DRBD 9 would promote behind Pacemaker's back
    /// on the first write; in dual-primary mode both are Primary), never the disk *under* a DRBD device (LVM would write beneath DRBD:
    /// the replication and the peer's copy silently diverge).
    func checkDevicesBelow() throws {
        let physical = try lvm.physicalVolumes(of: volumeGroup)
        if let minors = DRBDBelow.secondaryMinors(among: physical, runner: context.runner), !minors.isEmpty {
            throw OCFFailure(.genericError, "\(volumeGroup) sits on " + minors.map { "/dev/drbd\($0)" }.joined(separator: ", ")
                             + ", Secondary on this node: activate it only where DRBD is Primary (order the lvm "
                             + "resource after the promotion and colocate it with the Promoted role)")
        }
        guard DRBDBelow.isLoaded, physical.contains(where: { DRBDBelow.minor(of: $0) == nil }) else { return }
        let lower = try DRBDBelow.backingDevices(runner: context.runner)
        if let below = physical.first(where: { device in lower.contains(FileContents.resolvedPath(device) ?? device) }) {
            throw OCFFailure(.invalidArgument, "LVM sees \(volumeGroup) on \(below), a DRBD backing disk: it must see it "
                             + "only through /dev/drbdN (reject the backing disks in devices/global_filter of lvm.conf)")
        }
    }

    /// The access mode the VG shows must be the configured one. A VG with no system ID, tag or
    /// lock type is valid for tagging's first start, and for system_id's (start gives it this
    /// node's ID, as LVM-activate does); lvmlockd needs a shared VG.
    func checkOwnership(_ report: VolumeGroupReport, mode: AccessMode) throws {
        let detected: AccessMode?
        if report.isClustered { detected = .clvmd }
        else if report.isShared { detected = .lvmlockd }
        else if !report.systemID.isEmpty { detected = .systemID }
        else if report.tags.contains(tag.text) { detected = .tagging }
        else { detected = nil }
        if detected == nil && mode == .lvmlockd {
            throw OCFFailure(.notConfigured, "\(volumeGroup) is not a shared group, so lvmlockd would not lock it: "
                             + "create it with vgcreate --shared, or convert it (vgchange --locktype dlm)")
        }
        guard let detected, detected != mode else { return }
        let what: String
        switch detected {
        case .clvmd: what = "is a clustered (clvmd) group"
        case .lvmlockd: what = "is a shared group (lock type \(report.lockType))"
        case .systemID: what = "has the system ID \(report.systemID)"
        case .tagging: what = "carries the tag \(tag.text)"
        }
        throw OCFFailure(.notConfigured, "\(volumeGroup) \(what), which is vg_access_mode=\(detected.rawValue), "
                         + "but vg_access_mode=\(mode.rawValue) is configured")
    }
}
