import TandemCore
import TandemNetwork

extension Session.Preparation {
    /// Runs `body` in the prepared session, or returns the code preparation decided.
    func perform(_ body: (Session) throws(OCFFailure) -> OCFExitCode) throws(OCFFailure) -> OCFExitCode {
        switch self {
        case .finished(let code): return code
        case .ready(let session): return try body(session)
        }
    }

    /// The host checks of validate-all and start: not a clone, the namespace and the interface
    /// exist, and the address has a place here (nic and prefix length known).
    func hostCheck() throws(OCFFailure) {
        guard case .ready(let session) = self else { return }
        try Session.refuseClone(session.context.meta)
        _ = try session.placement(for: session.context.action)
    }
}

extension Session {

    /// A cloned IPaddr2 is a Cluster-IP; a cloned floating-ip would put the same address on
    /// every node (or twice on one with clone-node-max=2). Until there is a Cluster-IP, a clone
    /// is a configuration error at validate-all and start. Stop and monitor do not ask: they
    /// still remove and report the address as it is.
    static func refuseClone(_ meta: ResourceMeta) throws(OCFFailure) {
        guard meta.isClone else { return }
        throw OCFFailure(.notConfigured, "floating-ip cannot be cloned (it has no Cluster-IP); configure it as a primitive")
    }

    /// Where the address goes, with placement failures mapped to OCF codes (`exitCode(for:)`).
    func placement(for action: ActionName) throws(OCFFailure) -> Placement {
        do {
            return try Placement.resolve(configuration, netlink: netlink)
        } catch {
            switch error {
            case .noSuchInterface, .noRoute: throw OCFFailure(Self.exitCode(for: error), "\(error) (on this host)")
            default: throw OCFFailure(Self.exitCode(for: error), error.description)
            }
        }
    }

    /// An interface or route this host lacks, or a link type floating-ip cannot announce on
    /// (IPoIB), is invalid here (2); a label that can never fit is a configuration error (6).
    static func exitCode(for failure: Placement.Failure) -> OCFExitCode {
        switch failure {
        case .noSuchInterface, .noRoute, .unannounceable: .invalidArgument
        case .labelTooLong: .notConfigured
        case .netlink: .genericError
        }
    }
}
