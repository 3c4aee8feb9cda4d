/// The write-ordering method DRBD uses for the backing devices (`write-ordering:flush`).
public enum DRBDWriteOrdering: String, DRBDVocabulary {
    case none
    case drain
    case flush
    case bioBarrier = "bio-barrier"

    /// Names these words in error messages.
    public static let vocabularyName = "write ordering"
}
