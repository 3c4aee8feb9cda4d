import TandemCore
import TandemNetwork

/// Where a resource's objects live in LIO's configfs tree (`/sys/kernel/config/target`), by
/// names derived from the resource, so that stop and monitor find exactly what this resource
/// made, also after a crash mid-start:
/// - the storage objects in an iblock HBA of the resource's own (`core/iblock_<N>`, N from
///   the resource name), one per LUN, named `<resource>-lun<N>`;
/// - the target `iscsi/<iqn>` with one TPG (`tpgt_1`; in a promotable clone, the node's ALUA
///   group id, so that the two nodes' target ports have distinct names), whose LUN and
///   mapped-LUN links carry the resource's name.
struct LIOLayout: Sendable, Equatable {
    let resource: String
    let iqn: ISCSIName
    var tpgTag: Int = 1

    /// The HBA index: 1000 to 1_000_999_999 from the name's hash (targetcli uses small ones).
    var hbaIndex: UInt64 { 1000 + LUNIdentity.fnv1a(resource) % 1_000_000_000 }
    var hba: String { "core/iblock_\(hbaIndex)" }
    func storageObject(_ lun: Int) -> String { "\(hba)/\(resource)-lun\(lun)" }
    var target: String { "iscsi/\(iqn)" }
    var tpg: String { target + "/tpgt_\(tpgTag)" }
    func lun(_ number: Int) -> String { tpg + "/lun/lun_\(number)" }
    /// The link in a LUN (or mapped LUN) directory: any name; this one says whose it is.
    var linkName: String { resource }
    func portal(_ portal: Portal) -> String { tpg + "/np/" + Self.portalName(portal) }
    func acl(_ initiator: String) -> String { tpg + "/acls/" + initiator }
    func mappedLUN(_ initiator: String, _ number: Int) -> String { acl(initiator) + "/lun_\(number)" }

    /// LIO's portal directory name: `192.0.2.1:3260`, `[2001:db8::1]:3260`.
    static func portalName(_ portal: Portal) -> String { portal.description }

    /// The LUN number of a `lun_N` directory name.
    static func lunNumber(_ name: String) -> Int? {
        guard name.hasBytePrefix("lun_") else { return nil }
        return decimalNumber(name.droppingBytes(4), maxDigits: 9)
    }

    /// The group every LUN starts in (id 0); never used for a promotable target.
    static let defaultGroup = "default_tg_pt_gp"
}
