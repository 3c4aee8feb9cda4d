import TandemCore

/// How the cluster keeps a VG from being active on two nodes at once (`vg_access_mode`),
/// LVM-activate's names.
enum AccessMode: String, Sendable, OCFEnumeration {
    /// The VG carries the system ID of the node that may use it; start takes it over.
    case systemID = "system_id"
    /// The VG carries a cluster tag, and `activation/volume_list` keeps it inactive elsewhere.
    case tagging
    /// A shared VG with lvmlockd locks (dlm or sanlock).
    case lvmlockd
    /// Removed from LVM 2.03; accepted so the configuration reads, refused with a reason.
    case clvmd
}

/// `activation_mode`: one node, or every node at once (lvmlockd only).
enum ActivationMode: String, Sendable, OCFEnumeration {
    case exclusive
    case shared

    /// The `-a` argument: `ey` or `sy`.
    var activateArgument: String { self == .exclusive ? "ey" : "sy" }
}
