/// Why crm_mon's status could not be obtained or understood.
public enum CrmMonError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The output was empty.
    case emptyInput
    /// The output is not well-formed XML (truncated, garbage); libxml2's line and message.
    case malformedXML(line: Int, column: Int, message: String)
    /// The document's root is neither `<pacemaker-result>` nor `<crm_mon>`.
    case unexpectedRoot(String)
    /// A required attribute is missing.
    case missingAttribute(element: String, attribute: String, line: Int)
    /// An attribute holds a value of the wrong kind (e.g. a number that is not one).
    case invalidAttribute(element: String, attribute: String, value: String, line: Int)
    /// The input file could not be read.
    case unreadable(path: String, errno: Int32)
    /// The input exceeds what libxml2 accepts in one buffer.
    case tooLarge(bytes: Int)
    /// crm_mon ran but could not reach the cluster (exit 102); the command's summary.
    case notConnected(String)
    /// crm_mon failed otherwise (non-zero exit, signal, timeout); the command's summary.
    case commandFailed(String)
    /// crm_mon could not be started at all.
    case cannotRun(CommandError)

    /// Maps a reader error into this domain.
    init(_ error: XMLError) {
        switch error {
        case .malformed(let line, let column, let message): self = .malformedXML(line: line, column: column, message: message)
        case .emptyDocument: self = .emptyInput
        case .tooLarge(let bytes): self = .tooLarge(bytes: bytes)
        case .unreadable(let path, let errno): self = .unreadable(path: path, errno: errno)
        case .readerUnavailable: self = .malformedXML(line: 0, column: 0, message: "libxml2 could not create a reader")
        }
    }

    public var description: String {
        switch self {
        case .emptyInput: "crm_mon output is empty"
        case .malformedXML(let line, let column, let message):
            "crm_mon output is not well-formed XML (line \(line), column \(column)): \(message)"
        case .unexpectedRoot(let name): "crm_mon output has unexpected root element <\(name)>"
        case .missingAttribute(let element, let attribute, let line):
            "crm_mon output: <\(element)> without \(attribute) (line \(line))"
        case .invalidAttribute(let element, let attribute, let value, let line):
            "crm_mon output: <\(element) \(attribute)=\"\(value)\"> is not valid (line \(line))"
        case .unreadable(let path, let errno): "cannot read \(path): \(Errno.describe(errno))"
        case .tooLarge(let bytes): "crm_mon output too large (\(bytes) bytes)"
        case .notConnected(let summary): "crm_mon is not connected to the cluster: \(summary)"
        case .commandFailed(let summary): summary
        case .cannotRun(let error): error.description
        }
    }
}
