/// Why an XML document could not be read.
public enum XMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// libxml2 stopped on a well-formedness error; `message` is libxml2's own text.
    case malformed(line: Int, column: Int, message: String)
    /// The input holds no bytes at all.
    case emptyDocument
    /// The input is larger than libxml2's `int` size argument allows.
    case tooLarge(bytes: Int)
    /// The file could not be opened or read.
    case unreadable(path: String, errno: Int32)
    /// libxml2 could not be loaded, or could not set up a reader (out of memory).
    case readerUnavailable

    public var description: String {
        switch self {
        case .malformed(let line, let column, let message):
            column > 0 ? "malformed XML at line \(line), column \(column): \(message)"
                       : "malformed XML at line \(line): \(message)"
        case .emptyDocument: "empty XML document"
        case .tooLarge(let bytes): "XML document too large (\(bytes) bytes)"
        case .unreadable(let path, let errno): "cannot read \(path): \(Errno.describe(errno))"
        case .readerUnavailable: "libxml2 (libxml2.so.2) could not be loaded or could not create a reader"
        }
    }
}
