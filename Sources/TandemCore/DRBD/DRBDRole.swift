/// The role of a DRBD resource (DRBD 9) or device (8.4) on a node, as DRBD spells it.
public enum DRBDRole: String, DRBDVocabulary {
    case primary = "Primary"
    case secondary = "Secondary"
    /// A peer whose role is not known (not connected); also printed for the local node briefly.
    case unknown = "Unknown"

    /// Names these words in error messages.
    public static let vocabularyName = "role"
}
