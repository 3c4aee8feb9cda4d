import TandemCore

/// An iSCSI target that runs on this node, as its kernel shows it: LIO's configfs or SCST's
/// sysfs, read directly (no targetcli, no scstadmin, no process). Every target is shown, not
/// only the iscsi-target agent's: an admin's own target is part of the SAN too.
struct LocalTarget: Equatable, Sendable {
    enum Backend: String, Sendable { case lio = "LIO", scst = "SCST" }

    /// A target port group of a LUN's device: LIO's groups of the storage object, SCST's
    /// target groups of the device group (the local one and the peer's).
    struct PortGroup: Equatable, Sendable {
        let name: String
        let id: Int?
        let state: ALUAState?
        let preferred: Bool
        /// The group this target's port is in (SCST also lists the peer node's groups).
        let local: Bool
    }

    struct LUN: Equatable, Sendable {
        let number: Int
        /// The backing device (or the storage object's or SCST device's name where it has no
        /// path); nil when the LUN links to nothing.
        let device: String?
        /// The unit serial the client reads (VPD page 0x80).
        let serial: String
        /// The groups of the LUN's device; empty without ALUA groups of its own (LIO's default group).
        let groups: [PortGroup]
    }

    let backend: Backend
    let iqn: String
    /// LIO's target portal group tag (a target may have several); nil on SCST.
    let portalGroup: Int?
    let enabled: Bool
    /// Listening portals (LIO), or the portals the target is restricted to (SCST's
    /// `allowed_portal`; empty: every portal of iscsi-scstd).
    let portals: [String]
    let luns: [LUN]
    /// Initiators with a session.
    let sessions: [String]

    var label: String { portalGroup.map { "\(iqn) (tpg \($0))" } ?? iqn }

    /// Every LIO and SCST target on this node.
    static func all(lio: AttributeTree = AttributeTree(root: "/sys/kernel/config/target"),
                    scst: AttributeTree = AttributeTree(root: "/sys/kernel/scst_tgt")) -> [LocalTarget] {
        LIOTargetReader(tree: lio).targets() + SCSTTargetReader(tree: scst).targets()
    }
}
