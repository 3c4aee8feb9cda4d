import TandemCore
import TandemNetwork

/// monitor: is the address on its interface, and (with check_link_status) is that link up?
/// Never 6: a vanished interface is "not running" (resource-agents#328, #2047). The address
/// on another interface of this host (after a route change, say) is failed (1), not stopped.
struct MonitorAction {
    let session: Session

    func run() throws(OCFFailure) -> OCFExitCode {
        let configuration = session.configuration
        let address = configuration.address
        let logger = session.context.logger
        let entry: InterfaceAddress, expected: InterfaceIndex
        switch try session.locateAddress() {
        case .absent:
            logger.debug("\(address) is not configured")
            return .notRunning
        case .elsewhere(let holders, let expected):
            // Not "stopped": this host still answers for the address, and Pacemaker would
            // start it on another node as well. Failed, so that stop removes it here.
            let names = holders.map { session.interfaceName($0.interface) }.joined(separator: ", ")
            let wanted = expected.map { session.interfaceName($0) } ?? configuration.nic ?? "the interface its route leads to"
            throw OCFFailure(.genericError, "\(address) is held on \(names) of this host, not on \(wanted) where it belongs")
        case .here(let found, let index):
            guard let settled = try settle(found, on: index) else {
                logger.debug("\(address) went away during duplicate address detection")
                return .notRunning
            }
            (entry, expected) = (settled, index)
        }
        guard let link = try session.kernel("cannot read \(expected)", { () throws(NetlinkError) in
            try session.netlink.link(at: expected)
        }) else { return .notRunning }
        if entry.flags.contains(.dadFailed) {
            throw OCFFailure(.genericError, "\(address) on \(link.name) failed duplicate address detection: another node holds it")
        }
        if let wanted = configuration.prefixLength, entry.prefixLength != wanted {
            throw OCFFailure(.genericError, "\(address) is on \(link.name) as /\(entry.prefixLength), not /\(wanted) (cidr_netmask)")
        }
        if let label = configuration.label(on: link.name), entry.label != label {
            throw OCFFailure(.genericError, "\(address) is on \(link.name) with label \(entry.label ?? "(none)"), not \(label)")
        }
        if configuration.checkLinkStatus && !link.state.isUp {
            logger.warning("\(address) is on \(link.name), but the link is down (\(link.state))")
            return .notRunning
        }
        if configuration.refreshCount > 0 && !session.context.isProbe {
            refresh(on: link)
        }
        return .success
    }

    /// An IPv6 address still tentative (duplicate address detection running) is not usable
    /// yet: waits for the outcome, polling every 50 ms for at most 3 s and never past what is
    /// left of this monitor's time (less a margin). Usable or failed, the caller judges the
    /// result; still tentative at the end is a failure.
    /// - Returns: the settled entry, or nil when the address went away meanwhile.
    private func settle(_ found: InterfaceAddress, on index: InterfaceIndex) throws(OCFFailure) -> InterfaceAddress? {
        var entry = found
        guard entry.flags.contains(.tentative), !entry.flags.contains(.dadFailed) else { return entry }
        let budget = session.context.budget
        let wait = max(0, min(3000, budget.remainingMilliseconds() - 500))
        var vanished = false
        let settled = try budget.poll(every: 50, until: MonotonicInstant.now().adding(milliseconds: wait)) {
            () throws(OCFFailure) -> InterfaceAddress? in
            guard let fresh = try session.heldAddresses().first(where: { $0.interface == index }) else {
                vanished = true
                return found
            }
            entry = fresh
            return !entry.flags.contains(.tentative) || entry.flags.contains(.dadFailed) ? entry : nil
        }
        if vanished { return nil }
        if let settled { return settled }
        throw OCFFailure(.genericError, "\(entry.address) on \(session.interfaceName(index)) is still tentative: "
            + "duplicate address detection did not finish within \(wait) ms of this monitor")
    }

    /// arp_count_refresh: re-announce the address, within this monitor's time.
    private func refresh(on link: Link) {
        let configuration = session.configuration
        do {
            try Announcements(address: configuration.address, link: link, operation: configuration.arpOperation)?
                .send(count: configuration.refreshCount, intervalMilliseconds: configuration.announcementIntervalMilliseconds,
                      deadline: session.context.budget.deadline, logger: session.context.logger)
        } catch {
            session.context.logger.warning("arp_count_refresh: cannot open a packet socket: \(error)")
        }
    }
}
