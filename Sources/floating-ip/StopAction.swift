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
        let entry: InterfaceAddress, expected: InterfaceIndex
        switch try session.locateAddress() {
        case .absent:
            logger.debug("\(address) is not configured; nothing to stop")
            return .success
        case .elsewhere(let holders):
            logger.warning("\(address) is on \(holders), which is not this resource's interface; left alone")
            return .success
        case .here(let found, let index):
            (entry, expected) = (found, index)
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
