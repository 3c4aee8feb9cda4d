import TandemCore

/// The four promotion scores of `adjust_master_score`, lowest data quality first; the
/// parameter's value, parsed once.
struct ScoreLevels: Equatable, Sendable, OCFParameterValue {
    static var contentType: ParameterContentType { .string }
    static var expectation: String { "four non-decreasing integers, e.g. \"0 10 1000 10000\"" }
    init?(ocfText: String) { self.init(parsing: ocfText) }
    var ocfText: String { "\(consistent) \(peerUpToDate) \(upToDatePeerUnknown) \(best)" }

    /// Local data only Consistent.
    let consistent: Int
    /// Only a peer has all disks UpToDate.
    let peerUpToDate: Int
    /// Local UpToDate, some peer's disk state unknown.
    let upToDatePeerUnknown: Int
    /// Local UpToDate and every peer known: as good as it gets.
    let best: Int

    static let standard = ScoreLevels(consistent: 0, peerUpToDate: 10, upToDatePeerUnknown: 1000, best: 10000)

    init(consistent: Int, peerUpToDate: Int, upToDatePeerUnknown: Int, best: Int) {
        self.consistent = consistent
        self.peerUpToDate = peerUpToDate
        self.upToDatePeerUnknown = upToDatePeerUnknown
        self.best = best
    }

    /// Four whitespace-separated, non-decreasing integers; nil for anything else.
    init?(parsing text: String) {
        let numbers = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { Int($0) }
        guard numbers.count == 4, text.split(whereSeparator: { $0 == " " || $0 == "\t" }).count == 4,
              numbers[0] <= numbers[1], numbers[1] <= numbers[2], numbers[2] <= numbers[3] else { return nil }
        self.init(consistent: numbers[0], peerUpToDate: numbers[1], upToDatePeerUnknown: numbers[2], best: numbers[3])
    }
}
