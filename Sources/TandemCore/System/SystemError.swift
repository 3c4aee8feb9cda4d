/// A failed system call: which call, and the errno it set.
public struct SystemError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The C function that failed, e.g. `socket`.
    public let call: String
    /// The errno value.
    public let code: Int32

    /// - Parameters:
    ///   - call: the C function that failed.
    ///   - code: the errno it set.
    public init(call: String, code: Int32) {
        self.call = call
        self.code = code
    }

    public var description: String { "\(call): \(Errno.describe(code))" }
}
