/// Why DRBD state output could not be turned into a `DRBDResource`, with where and what.
public enum DRBDStateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Which reader failed.
    public enum Format: String, Sendable, Equatable {
        case events2 = "drbdsetup events2"
        case procDRBD = "/proc/drbd"
    }

    /// Where in the input: a 1-based line.
    public enum Location: Sendable, Equatable, CustomStringConvertible {
        case line(Int)

        /// "line N".
        public var description: String {
            switch self {
            case .line(let number): "line \(number)"
            }
        }
    }

    /// Nothing but white space where output was expected.
    case emptyInput(Format)
    /// The input stopped before its end marker (events2 `exists -`, a /proc/drbd minor's fields).
    case truncated(Format, reason: String)
    /// A line that does not have the expected shape.
    case malformedLine(Format, line: Int, text: String, reason: String)
    /// A required field is absent.
    case missingField(at: Location, key: String)
    /// A field's value has the wrong shape (not a number, not yes/no, …).
    case invalidValue(at: Location, key: String, value: String, expected: String)
    /// A state word DRBD does not define (or that this library does not know yet; see `DRBDVocabulary`).
    case unknownValue(at: Location, key: String, value: String, vocabulary: String)
    /// The lines contradict each other (a device of a resource never announced, a duplicate, …).
    case inconsistent(at: Location, reason: String)
    /// A streamed line grew beyond the reader's limit without a newline.
    case lineTooLong(line: Int, limit: Int)

    /// A one-line message fit for logs and `ocf-exit-reason:`.
    public var description: String {
        switch self {
        case .emptyInput(let format):
            "\(format.rawValue): empty output"
        case .truncated(let format, let reason):
            "\(format.rawValue): output truncated: \(reason)"
        case .malformedLine(let format, let line, let text, let reason):
            "\(format.rawValue): line \(line): \(reason): '\(Self.clip(text))'"
        case .missingField(let location, let key):
            "DRBD state: \(location): missing \(key)"
        case .invalidValue(let location, let key, let value, let expected):
            "DRBD state: \(location): \(key) '\(Self.clip(value))' is not \(expected)"
        case .unknownValue(let location, let key, let value, let vocabulary):
            "DRBD state: \(location): unknown \(vocabulary) '\(Self.clip(value))' for \(key)"
        case .inconsistent(let location, let reason):
            "DRBD state: \(location): \(reason)"
        case .lineTooLong(let line, let limit):
            "\(Format.events2.rawValue): line \(line) longer than \(limit) bytes"
        }
    }

    /// Keeps messages (which end up in `ocf-exit-reason:`) to one short line.
    private static func clip(_ text: String) -> String {
        let oneLine = text.split { $0.isNewline }.first.map(String.init) ?? ""
        return oneLine.count > 120 ? String(oneLine.prefix(117)) + "..." : oneLine
    }
}
