import TandemCore
import TandemNetwork

extension Session {
    /// Prepares a session and runs `body` in it, or returns the code preparation decided.
    static func perform(_ context: AgentContext,
                        _ body: (Session) throws(OCFFailure) -> OCFExitCode) throws(OCFFailure) -> OCFExitCode {
        switch try prepare(context) {
        case .finished(let code): return code
        case .ready(let session): return try body(session)
        }
    }

    /// The host checks of validate-all and start: the namespace and the interface exist,
    /// and the address has a place here (nic and prefix length known).
    static func hostCheck(_ context: AgentContext) throws(OCFFailure) {
        guard case .ready(let session) = try prepare(context) else { return }
        _ = try session.placement(for: context.action)
    }

    /// Where the address goes, with placement failures mapped to OCF codes: an interface or
    /// route this host lacks is invalid here (2), a label that can never fit is a
    /// configuration error (6).
    func placement(for action: ActionName) throws(OCFFailure) -> Placement {
        do {
            return try Placement.resolve(configuration, netlink: netlink)
        } catch {
            switch error {
            case .noSuchInterface, .noRoute: throw OCFFailure(.invalidArgument, "\(error) (on this host)")
            case .labelTooLong: throw OCFFailure(.notConfigured, error.description)
            case .netlink: throw OCFFailure(.genericError, error.description)
            }
        }
    }
}
