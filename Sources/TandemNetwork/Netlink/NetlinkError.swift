import TandemCore

/// Why a netlink exchange failed.
public enum NetlinkError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A socket call failed.
    case system(SystemError)
    /// The kernel refused the request: the operation, the errno and the extended-ack text, if any.
    case kernel(operation: String, code: Int32, message: String?)
    /// No answer arrived within the socket's receive timeout.
    case timeout(operation: String)
    /// The reply could not be decoded.
    case malformed(String)

    /// The errno of a kernel refusal, nil for other failures.
    public var kernelCode: Int32? {
        if case .kernel(_, let code, _) = self { return code }
        return nil
    }

    public var description: String {
        switch self {
        case .system(let error): "netlink: \(error)"
        case .kernel(let operation, let code, let message):
            "\(operation): \(Errno.describe(code))" + (message.map { " (\($0))" } ?? "")
        case .timeout(let operation): "\(operation): no answer from the kernel in time"
        case .malformed(let what): "netlink: malformed reply: \(what)"
        }
    }
}
