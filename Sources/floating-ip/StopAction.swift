import TandemCore
import TandemNetwork

/// stop: end any announcer and take the address off every interface of this host that holds
/// it (its own one, and any other one it was left on after a route change). Idempotent; a
/// vanished interface or namespace means the address is gone already.
struct StopAction {
    let session: Session

    func run() throws(OCFFailure) -> OCFExitCode {
        let address = session.configuration.address
        let logger = session.context.logger
        Announcer.end(session.context, address: address)
        let present = try session.heldAddresses()
        guard !present.isEmpty else {
            logger.debug("\(address) is not configured; nothing to stop")
            return .success
        }
        for entry in present {
            let holder = session.interfaceName(entry.interface)
            do {
                try session.netlink.delete(entry)
            } catch {
                // ENODEV, EADDRNOTAVAIL: gone between the listing and the deletion.
                if error.kernelCode != 19 && error.kernelCode != 99 {
                    throw OCFFailure(.genericError, "cannot remove \(address) from \(holder): \(error)")
                }
            }
            logger.info("removed \(address)/\(entry.prefixLength) from \(holder)")
        }
        let left = try session.heldAddresses()
        if !left.isEmpty {
            let names = left.map { session.interfaceName($0.interface) }.joined(separator: ", ")
            throw OCFFailure(.genericError, "\(address) is still on \(names) after removing it")
        }
        return .success
    }
}
