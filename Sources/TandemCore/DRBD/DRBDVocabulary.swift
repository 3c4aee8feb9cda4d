/// A closed set of words DRBD prints for one kind of state (roles, disk states, …).
///
/// Unknown-value policy. An unknown *key* in DRBD's output is ignored (new statistics appear
/// often and never change what the agent decides). An unknown *role* is a typed error
/// (`DRBDStateError.unknownValue`): the role is what a monitor reports. Any other unknown
/// state word (a disk, connection or replication state of a newer drbd-utils or kernel) is
/// noted in `DRBDResource.unrecognizedWords` with a placeholder in its field: failing every
/// monitor on every node after an upgrade would make Pacemaker restart every Primary, while
/// the role still tells what runs. The promotion-score rules ask questions such as "are all
/// local disks UpToDate", which an unknown word could answer either way, so the agent leaves
/// the published score unchanged while any word is unrecognized, and warns naming the word.
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
