import TandemCore
import TandemNetwork

/// stop: end any announcer and take the address off its interface. Idempotent; a vanished
/// interface or namespace means the address is gone already.
struct StopAction {
    let session: Session

    func run() throws(OCFFailure) -> OCFExitCode {
        let configuration = session.configuration
        let address = configuration.address
        let logger = session.context.logger
        Announcer.end(session.context, address: address)
        let present = try session.presentAddresses()
        guard !present.isEmpty else {
            logger.debug("\(address) is not configured; nothing to stop")
            return .success
        }
        let expected = try session.kernel("cannot look up the interface of \(address)") { () throws(NetlinkError) in
            try Placement.expectedInterface(configuration, netlink: session.netlink, present: present)
        }
        guard let expected, let entry = present.first(where: { $0.interface == expected }) else {
            let holders = present.map { session.interfaceName($0.interface) }.joined(separator: ", ")
            logger.warning("\(address) is on \(holders), which is not this resource's interface; left alone")
            return .success
        }
        do {
            try session.netlink.delete(entry)
        } catch {
            // ENODEV, EADDRNOTAVAIL: gone between the listing and the deletion.
            if error.kernelCode != 19 && error.kernelCode != 99 {
                throw OCFFailure(.genericError, "cannot remove \(address) from \(session.interfaceName(expected)): \(error)")
            }
        }
        if try session.presentAddresses().contains(where: { $0.interface == expected }) {
            throw OCFFailure(.genericError, "\(address) is still on \(session.interfaceName(expected)) after removing it")
        }
        logger.info("removed \(address)/\(entry.prefixLength) from \(session.interfaceName(expected))")
        return .success
    }
}
