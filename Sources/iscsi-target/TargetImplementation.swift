import TandemCore

/// Which iSCSI target the resource runs on: iSCSITarget's `implementation` values.
///
/// `lio` and `lio-t` both mean the kernel's LIO, driven through configfs (the agents Tandem
/// replaces used lio_node or targetcli for them). `iet` is accepted so that a CIB switched from
/// iSCSITarget parses, and refused with the reason: no IET module builds for a Debian kernel.
enum TargetImplementation: String, OCFEnumeration {
    case lio
    case lioT = "lio-t"
    case scst
    case tgt
    case iet

    /// The backend this name selects (`lio-t` is `lio`).
    var backend: TargetImplementation { self == .lioT ? .lio : self }

    /// Why this build cannot run the implementation, or nil when it can.
    var unsupportedReason: String? {
        switch backend {
        case .tgt, .lio, .lioT, .scst: nil
        case .iet:
            "implementation=iet: IET (iSCSI Enterprise Target) has no kernel module for any kernel Debian ships; "
                + "use implementation=lio (or scst) with the same iqn and LUNs (README: migrating from IET)"
        }
    }
}
