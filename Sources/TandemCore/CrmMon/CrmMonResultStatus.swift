/// The `<status code message>` element closing a `<pacemaker-result>` document.
public struct CrmMonResultStatus: Sendable, Equatable {
    /// The exit code of `crm_mon` (`CRM_EX_*`).
    public var code: Int
    public var message: String
    /// `<errors><error>` texts.
    public var errors: [String]

    /// `CRM_EX_DISCONNECT`: crm_mon could not reach the cluster.
    public static let notConnectedCode = 102

    /// - Parameters:
    ///   - code: the exit code.
    ///   - message: its text.
    ///   - errors: the error lines.
    public init(code: Int, message: String, errors: [String] = []) {
        self.code = code
        self.message = message
        self.errors = errors
    }
}
