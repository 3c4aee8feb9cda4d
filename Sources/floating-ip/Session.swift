import Glibc
import TandemCore
import TandemNetwork

/// One invocation's view of the host: the checked configuration, the network namespace
/// entered, and an rtnetlink socket. Building it maps every missing prerequisite to the
/// exit code the action must report.
struct Session {
    let context: AgentContext
    let configuration: Configuration
    let netlink: RouteNetlink

    /// A session to work with, or the code the action ends with right away.
    enum Preparation {
        case ready(Session)
        case finished(OCFExitCode)
    }

    static func prepare(_ context: AgentContext) throws(OCFFailure) -> Preparation {
        let action = context.action
        let isMonitor = action == .monitor || action == .status
        if (action == .start || action == .stop) && geteuid() != 0 {
            throw OCFFailure(.insufficientPrivilege, "\(action.rawValue) needs root (CAP_NET_ADMIN and CAP_NET_RAW)")
        }
        let configuration: Configuration
        do {
            configuration = try Configuration(context)
        } catch {
            switch action {
            case .stop:
                context.logger.error("stop: \(error.reason); nothing can run with this configuration")
                return .finished(.success)
            case _ where isMonitor && context.isProbe:
                context.logger.warning("probe: \(error.reason); reporting not running")
                return .finished(.notRunning)
            case _ where isMonitor:
                throw OCFFailure(.genericError, error.reason)
            default:
                throw OCFFailure(.notConfigured, error.reason)
            }
        }
        if let namespace = configuration.namespace {
            do {
                try NetworkNamespace.enter(namespace)
            } catch {
                if case .notFound = error {
                    if action == .stop || isMonitor {
                        context.logger.info("\(error); the address cannot be there")
                        return .finished(action == .stop ? .success : .notRunning)
                    }
                    throw OCFFailure(.invalidArgument, "\(error) on this host")
                }
                throw OCFFailure(geteuid() == 0 ? .genericError : .insufficientPrivilege, error.description)
            }
        }
        let timeout = min(5000, max(100, context.budget.remainingMilliseconds()))
        do {
            let netlink = try RouteNetlink(receiveTimeoutMilliseconds: timeout)
            return .ready(Session(context: context, configuration: configuration, netlink: netlink))
        } catch {
            throw OCFFailure(.genericError, "cannot open rtnetlink: \(error)")
        }
    }

    /// Runs a netlink operation, turning its failure into a generic failure with the kernel's words.
    func kernel<T>(_ what: String, _ body: () throws(NetlinkError) -> T) throws(OCFFailure) -> T {
        do {
            return try body()
        } catch {
            throw OCFFailure(.genericError, "\(what): \(error)")
        }
    }

    /// Every configured copy of the address (normally zero or one).
    func presentAddresses() throws(OCFFailure) -> [InterfaceAddress] {
        let family = configuration.address.family
        return try kernel("cannot list addresses") { () throws(NetlinkError) in
            try netlink.addresses(family: family)
        }.filter { $0.address == configuration.address }
    }

    /// The copies of the address this resource answers for: every one on this host, except
    /// that a link-local IPv6 address belongs to its link, so only the one on nic counts.
    func heldAddresses() throws(OCFFailure) -> [InterfaceAddress] {
        let present = try presentAddresses()
        guard configuration.address.isIPv6LinkLocal, !present.isEmpty, let nic = configuration.nic else { return present }
        let link = try kernel("cannot look up interface \(nic)") { () throws(NetlinkError) in try netlink.link(named: nic) }
        return present.filter { $0.interface == link?.index }
    }

    /// Where the address is, as monitor sees it.
    enum Location {
        /// Not configured anywhere.
        case absent
        /// On interfaces of this host that are not this resource's (maybe on its own one too):
        /// this host still answers for the address, so it is neither running nor stopped.
        case elsewhere(holders: [InterfaceAddress], expected: InterfaceIndex?)
        /// On this resource's interface, and only there.
        case here(InterfaceAddress, InterfaceIndex)
    }

    /// Finds the address on the interface this resource owns (the explicit nic, else the
    /// one its route leads to) and on any other interface of this host.
    func locateAddress() throws(OCFFailure) -> Location {
        let present = try heldAddresses()
        guard !present.isEmpty else { return .absent }
        let expected = try kernel("cannot look up the interface of \(configuration.address)") { () throws(NetlinkError) in
            try Placement.expectedInterface(configuration, netlink: netlink, present: present)
        }
        let strays = present.filter { $0.interface != expected }
        guard strays.isEmpty, let expected, let entry = present.first(where: { $0.interface == expected }) else {
            return .elsewhere(holders: strays, expected: expected)
        }
        return .here(entry, expected)
    }

    /// The name of interface `index`, for messages.
    func interfaceName(_ index: InterfaceIndex) -> String {
        ((try? netlink.link(at: index)) ?? nil)?.name ?? "\(index)"
    }
}
