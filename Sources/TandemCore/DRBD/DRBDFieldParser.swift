/// Converts DRBD's `key:value` words into typed values, throwing `DRBDStateError` with the
/// location and key on anything unexpected. Shared by the events2 and /proc/drbd readers.
enum DRBDFieldParser {
    typealias Location = DRBDStateError.Location

    static func word<Word: DRBDVocabulary>(_ type: Word.Type, _ value: String, key: String,
                                           at location: Location) throws(DRBDStateError) -> Word {
        guard let word = Word.named(value) else {
            throw .unknownValue(at: location, key: key, value: value, vocabulary: Word.vocabularyName)
        }
        return word
    }

    /// A state word that is not the role: a word this library does not know yet (a newer
    /// drbd-utils or kernel) is noted in `unrecognized` and nil is returned, so the caller keeps
    /// its placeholder. The agent reports the role, which still parses, and leaves the
    /// promotion score alone while any word is unrecognized (`DRBDResource.unrecognizedWords`).
    static func word<Word: DRBDVocabulary>(_ type: Word.Type, _ value: String, key: String, at location: Location,
                                           unrecognized: inout [String]) -> Word? {
        guard let word = Word.named(value) else {
            let note = "\(Word.vocabularyName) '\(value)' for \(key) (\(location))"
            if !unrecognized.contains(note) { unrecognized.append(note) }
            return nil
        }
        return word
    }

    /// A non-negative decimal integer, as DRBD prints counters, ids and minors.
    static func integer(_ value: String, key: String, at location: Location) throws(DRBDStateError) -> Int {
        guard !value.isEmpty, value.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let number = Int(value) else {
            throw .invalidValue(at: location, key: key, value: value, expected: "a non-negative integer")
        }
        return number
    }

    /// A signed decimal integer (`promotion_score` may in principle be negative).
    static func signedInteger(_ value: String, key: String, at location: Location) throws(DRBDStateError) -> Int {
        guard let number = Int(value) else {
            throw .invalidValue(at: location, key: key, value: value, expected: "an integer")
        }
        return number
    }

    /// A decimal number such as `done:12.34` (no exponent, no sign).
    static func decimal(_ value: String, key: String, at location: Location) throws(DRBDStateError) -> Double {
        let shapeOK = !value.isEmpty && value.utf8.allSatisfy { (0x30...0x39).contains($0) || $0 == 0x2e }
        guard shapeOK, let number = Double(value) else {
            throw .invalidValue(at: location, key: key, value: value, expected: "a decimal number")
        }
        return number
    }

    static func yesNo(_ value: String, key: String, at location: Location) throws(DRBDStateError) -> Bool {
        switch value {
        case "yes": return true
        case "no": return false
        default: throw .invalidValue(at: location, key: key, value: value, expected: "yes or no")
        }
    }

    /// `no`, `yes` or `unknown` (as drbdsetup prints `open:`); `unknown` becomes `nil`.
    static func yesNoUnknown(_ value: String, key: String, at location: Location) throws(DRBDStateError) -> Bool? {
        value == "unknown" ? nil : try yesNo(value, key: key, at: location)
    }

    /// `no`, or a comma-separated list of reasons (`user,quorum`).
    static func reasons<Word: DRBDVocabulary>(_ type: Word.Type, _ value: String, key: String,
                                              at location: Location) throws(DRBDStateError) -> Set<Word> {
        guard value != "no" else { return [] }
        var result: Set<Word> = []
        for part in value.split(separator: ",", omittingEmptySubsequences: false) {
            result.insert(try word(Word.self, String(part), key: key, at: location))
        }
        return result
    }
}
