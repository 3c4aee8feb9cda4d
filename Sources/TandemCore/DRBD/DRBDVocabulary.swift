/// A closed set of words DRBD prints for one kind of state (roles, disk states, …).
///
/// Unknown-value policy — strict, on purpose. An unknown *key* in DRBD's output is ignored
/// (new statistics appear often and never change what the agent decides), but an unknown
/// *value* of a state word is a typed error (`DRBDStateError.unknownValue`), not an
/// `.unknown(String)` case. The promotion-score rules ask questions like "are all local disks
/// UpToDate" and "is any peer disk DUnknown"; a state word we have never seen could mean
/// either, and guessing wrong here promotes stale data or demotes the only good copy. DRBD has
/// added state words only a handful of times in 15 years, always with a major release, and
/// the agent already refuses untested module versions (`require_drbd_module_version_lt`), so
/// failing loudly — the monitor reports an error naming the word — costs little and is safe.
public protocol DRBDVocabulary: RawRepresentable, CaseIterable, Sendable, Hashable
where RawValue == String {
    /// What the words describe, for messages ("disk state").
    static var vocabularyName: String { get }
}

extension DRBDVocabulary {
    /// The case spelled exactly as DRBD prints it (case-sensitive, as DRBD is consistent).
    ///
    /// - Parameter word: the word from DRBD's output.
    /// - Returns: the case, or `nil` when the word is not in this vocabulary.
    public static func named(_ word: some StringProtocol) -> Self? {
        Self(rawValue: String(word))
    }
}
