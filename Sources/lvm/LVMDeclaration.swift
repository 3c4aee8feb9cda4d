import TandemCore

/// The lvm agent's declaration: ocf:heartbeat:LVM-activate's parameter names and meanings, so
/// that switching is a one-word change in the CIB.
enum LVMDeclaration {
    static let vgname = RequiredParameter<LVMName>(
        "vgname",
        short: "Volume group",
        long: "The volume group to activate, e.g. vg_san. On DRBD in single-primary mode it is visible only where DRBD is Primary.",
        identifies: true)
    static let lvname = OptionalParameter<LVMName>(
        "lvname",
        short: "Logical volume",
        long: "One logical volume of the group to activate; by default every logical volume of the group.",
        identifies: true,
        check: { $0.isReservedForHiddenVolumes ? "is a name LVM keeps for its own hidden volumes" : nil })
    static let vgAccessMode = RequiredParameter<AccessMode>(
        "vg_access_mode",
        short: "How the volume group is kept to one node",
        long: """
            system_id: the group carries the system ID of the node that uses it (global/system_id_source \
            must be set in lvm.conf); start takes it over, also from a node that died. tagging: the group \
            carries the tag below, and activation/volume_list in lvm.conf (without that tag) keeps it \
            inactive at boot and by hand; start activates it with a volume_list of the tag. lvmlockd: a \
            shared group locked by lvmlockd (use_lvmlockd=1; with dlm it needs dlm_controld and fencing). \
            clvmd was removed from LVM 2.03: it is refused with a reason (use lvmlockd).
            """)
    static let activationMode = Parameter<ActivationMode>(
        "activation_mode", default: .exclusive,
        short: "Exclusive or shared activation",
        long: "exclusive: active on one node. shared: active on every node at once, with vg_access_mode=lvmlockd only (e.g. on dual-primary DRBD).")
    static let tag = Parameter<LVMTag>(
        "tag", default: .pacemaker,
        short: "Cluster tag (tagging mode)",
        long: "The tag that marks the volume group as the cluster's in tagging mode.")
    static let partialActivation = Parameter<Bool>(
        "partial_activation", default: false,
        short: "Activate with physical volumes missing",
        long: "Activate even when physical volumes of the group are missing (lvchange --partial): LVs with data on them fail I/O.",
        reloadable: true)
    static let degradedActivation = Parameter<Bool>(
        "degraded_activation", default: false,
        short: "Activate RAID LVs degraded",
        long: "Activate RAID logical volumes that miss a leg (--activationmode degraded).",
        reloadable: true)
    static let majorityPVs = Parameter<Bool>(
        "majority_pvs", default: false,
        short: "Take over with a majority of PVs (system_id)",
        long: """
            In system_id mode, take the group over when only a majority of its physical volumes is \
            present (vgchange --majoritypvs, LVM 2.03.17 and later; with an older LVM start reports 5, \
            not installed).
            """,
        reloadable: true)

    static let agent = AgentDeclaration(
        name: "lvm",
        shortDescription: "LVM volume group activation (exclusive or shared)",
        longDescription: """
            Activates a volume group, or one logical volume of it, on this node, exclusively (system_id \
            or tagging) or shared on every node (lvmlockd). Replaces ocf:heartbeat:LVM-activate with the \
            same parameters. Start verifies the activation in the kernel afterwards (LVM can report \
            success for a volume_list that filtered everything out). Monitor runs no LVM command and \
            takes no LVM lock: the active volumes come from the kernel's device-mapper devices \
            (/sys/block/dm-*/dm, matched by LVM's uuid), so a hung LVM or a held lock cannot time it \
            out. With OCF_CHECK_LEVEL=10 it also reads one block of each active volume with O_DIRECT, \
            skipping a suspended device, within the monitor's timeout. Start refuses, with the reason, \
            a group that sits on a DRBD device that is Secondary on this node (DRBD 8.4), or that LVM sees \
            on the disk under DRBD. Manage a group either whole (no lvname) or by LV (one resource per \
            lvname), not both: stopping the whole group deactivates the other resources' LVs. At its \
            first start after boot it orders Pacemaker's shutdown before blk-availability (a systemd \
            drop-in under /run), so an orderly shutdown stops the stack before LVM's own deactivation.
            """,
        parameters: [vgname.spec, lvname.spec, vgAccessMode.spec, activationMode.spec, tag.spec,
                     partialActivation.spec, degradedActivation.spec, majorityPVs.spec],
        actions: [
            ActionSpec(.start, timeout: 90),
            ActionSpec(.stop, timeout: 90),
            ActionSpec(.monitor, timeout: 90, interval: 30, depth: 0),
            ActionSpec(.reloadAgent, timeout: 20),
            ActionSpec(.metaData, timeout: 10),
            ActionSpec(.validateAll, timeout: 20),
        ])
}
