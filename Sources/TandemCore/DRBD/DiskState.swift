/// The state of a (local or peer) backing disk.
public enum DiskState: String, DRBDVocabulary {
    case diskless = "Diskless"
    case attaching = "Attaching"
    case detaching = "Detaching"
    case failed = "Failed"
    case negotiating = "Negotiating"
    case inconsistent = "Inconsistent"
    case outdated = "Outdated"
    /// "DUnknown": the peer's disk state is not known (no connection).
    case unknown = "DUnknown"
    case consistent = "Consistent"
    case upToDate = "UpToDate"

    /// Names these words in error messages.
    public static let vocabularyName = "disk state"

    /// Attaching or Negotiating: a state that will change without intervention, so the
    /// promotion score is left alone meanwhile.
    public var isTransitional: Bool { self == .attaching || self == .negotiating }

    /// States that break "all local disks consistent" in the drbd agent's rules: no usable
    /// data here (Diskless, Failed, Detaching), data known to be behind (Inconsistent,
    /// Outdated), or not known at all (DUnknown, impossible for a local disk; counted as bad).
    public var breaksConsistency: Bool {
        switch self {
        case .diskless, .failed, .detaching, .inconsistent, .outdated, .unknown: true
        case .attaching, .negotiating, .consistent, .upToDate: false
        }
    }
}
