import TandemCore
import TandemNetwork

/// start: put the address on its interface, wait for IPv6 duplicate address detection,
/// announce it. Idempotent.
struct StartAction {
    let session: Session
    private var configuration: Configuration { session.configuration }
    private var logger: Logger { session.context.logger }

    func run() throws(OCFFailure) -> OCFExitCode {
        let placement = try session.placement(for: .start)
        var link = placement.link
        let address = configuration.address
        for existing in try session.heldAddresses() {
            let holder = session.interfaceName(existing.interface)
            if existing.interface != link.index {
                throw OCFFailure(.genericError, "\(address) is already configured on \(holder), not on \(link.name)")
            }
            if existing.flags.contains(.dadFailed) {
                logger.warning("\(address) on \(link.name) failed duplicate address detection before; re-adding it")
                try delete(existing)
                continue
            }
            if existing.prefixLength != placement.prefixLength && configuration.prefixLength != nil {
                logger.warning("\(address) is on \(link.name) as /\(existing.prefixLength), not /\(placement.prefixLength); re-adding it")
                try delete(existing)
                continue
            }
            if let label = configuration.label(on: link.name), existing.label != label {
                throw OCFFailure(.genericError, "\(address) is on \(link.name) with label \(existing.label ?? "(none)"), not \(label)")
            }
            if configuration.checkLinkStatus && !link.state.isUp {
                throw OCFFailure(.notInstalled, "\(address) is on \(link.name), but the link is down (\(link.state))")
            }
            logger.info("\(address) is already on \(link.name)")
            return .success
        }
        Announcer.end(session.context, address: address)
        link = try bringUp(link)
        try add(placement, link: link)
        if address.family == .ipv6 && !configuration.noDAD { try awaitDuplicateAddressDetection(on: link) }
        guard try session.presentAddresses().contains(where: { $0.interface == link.index }) else {
            throw OCFFailure(.genericError, "\(address) vanished from \(link.name) right after it was added")
        }
        logger.info("added \(address)/\(placement.prefixLength) to \(link.name)")
        try announce(on: link)
        return .success
    }

    /// Sets the link up if an admin left it down (as IPaddr2 does), then insists on carrier
    /// when check_link_status is on.
    private func bringUp(_ link: Link) throws(OCFFailure) -> Link {
        var current = link
        if !link.state.administrativelyUp {
            logger.info("setting \(link.name) up")
            try session.kernel("cannot set \(link.name) up") { () throws(NetlinkError) in try session.netlink.setUp(link.index) }
            let budget = session.context.budget
            _ = try budget.poll(every: 20, until: MonotonicInstant.now().adding(milliseconds: 2000)) {
                () throws(OCFFailure) -> Link? in
                guard let fresh = try session.kernel("cannot read \(link.name)", { () throws(NetlinkError) in
                    try session.netlink.link(at: link.index)
                }) else { throw OCFFailure(.invalidArgument, "interface \(link.name) vanished during start") }
                current = fresh
                return current.state.isUp ? current : nil
            }
        }
        if configuration.checkLinkStatus && !current.state.isUp {
            throw OCFFailure(.notInstalled, "link \(link.name) is down (\(current.state)); not adding \(configuration.address)")
        }
        return current
    }

    private func add(_ placement: Placement, link: Link) throws(OCFFailure) {
        var flags: AddressFlags = []
        if configuration.noDAD && configuration.address.family == .ipv6 { flags.insert(.noDAD) }
        if configuration.noPrefixRoute { flags.insert(.noPrefixRoute) }
        let request = AddressRequest(
            interface: link.index, address: configuration.address, prefixLength: placement.prefixLength,
            broadcast: configuration.broadcastAddress(prefixLength: placement.prefixLength),
            label: configuration.label(on: link.name), flags: flags,
            preferredLifetime: configuration.preferredLifetime.finiteSeconds)
        do {
            try session.netlink.add(request)
        } catch {
            // EEXIST: added meanwhile by someone else; the check after adding decides.
            if error.kernelCode != 17 {
                throw OCFFailure(.genericError, "cannot add \(configuration.address)/\(placement.prefixLength) to \(link.name): \(error)")
            }
        }
    }

    /// Waits until the IPv6 address is no longer tentative, within the operation's budget.
    private func awaitDuplicateAddressDetection(on link: Link) throws(OCFFailure) {
        let address = configuration.address
        var last: InterfaceAddress?
        let settled = try session.context.budget.poll(every: 50) { () throws(OCFFailure) -> InterfaceAddress? in
            guard let entry = try session.presentAddresses().first(where: { $0.interface == link.index }) else {
                throw OCFFailure(.genericError, "\(address) vanished from \(link.name) during duplicate address detection")
            }
            last = entry
            return entry.flags.contains(.tentative) && !entry.flags.contains(.dadFailed) ? nil : entry
        }
        if let entry = settled, entry.flags.contains(.dadFailed) {
            try delete(entry)
            throw OCFFailure(.genericError, "duplicate address detection failed: another node on \(link.name)'s link holds \(address); removed it again")
        }
        if settled == nil, let entry = last {
            try delete(entry)
            throw OCFFailure(.genericError, "duplicate address detection for \(address) on \(link.name) did not finish within the start timeout; removed it again")
        }
    }

    private func announce(on link: Link) throws(OCFFailure) {
        let announcements: Announcements?
        do {
            announcements = try Announcements(address: configuration.address, link: link, operation: configuration.arpOperation)
        } catch {
            logger.warning("no announcements for \(configuration.address): cannot open a packet socket: \(error)")
            return
        }
        guard let announcements else {
            logger.debug("\(link.name) is not an Ethernet link; no announcements")
            return
        }
        let count = configuration.announcementCount
        if configuration.announceInBackground && count > 1 {
            announcements.send(count: 1, intervalMilliseconds: 0, deadline: nil, logger: logger)
            try Announcer.launch(session, link: link, count: count - 1)
        } else {
            announcements.send(count: count, intervalMilliseconds: configuration.announcementIntervalMilliseconds,
                               deadline: session.context.budget.deadline, logger: logger)
        }
    }

    private func delete(_ entry: InterfaceAddress) throws(OCFFailure) {
        try session.kernel("cannot remove \(entry.address)") { () throws(NetlinkError) in try session.netlink.delete(entry) }
    }
}
