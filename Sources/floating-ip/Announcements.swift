import Glibc
import TandemCore
import TandemNetwork

/// Gratuitous ARP (IPv4) or unsolicited neighbour advertisements (IPv6) for the address,
/// sent from a packet socket on its interface.
struct Announcements {
    let address: IPAddress
    let link: Link
    let operation: ARPPacket.Operation
    private let socket: PacketSocket
    private let frame: [UInt8]

    /// nil when the link has no Ethernet address (loopback, tunnels): nothing to announce there.
    /// - Throws: `SystemError` when the packet socket cannot be opened.
    init?(address: IPAddress, link: Link, operation: ARPPacket.Operation) throws(SystemError) {
        guard link.isEthernet, let hardware = link.hardwareAddress else { return nil }
        self.address = address
        self.link = link
        self.operation = operation
        socket = try PacketSocket(interface: link.index)
        frame = address.family == .ipv4
            ? ARPPacket.announcement(of: address, at: hardware, as: operation).frame()
            : NeighborAdvertisement.announcement(of: address, at: hardware).frame()
    }

    /// What goes out, for log lines.
    var kind: String {
        address.family == .ipv6 ? "unsolicited neighbour advertisement"
            : "gratuitous ARP \(operation == .reply ? "reply" : "request")"
    }

    /// Sends one announcement.
    func sendOne() throws(SystemError) { try socket.send(frame: frame) }

    /// Sends `count` announcements `intervalMilliseconds` apart (the first one right away),
    /// stopping early rather than run past `deadline`.
    /// - Returns: how many went out.
    @discardableResult
    func send(count: Int, intervalMilliseconds: Int, deadline: MonotonicInstant?, logger: Logger,
              stillWanted: () -> Bool = { true }) -> Int {
        var sent = 0
        while sent < count {
            if sent > 0 {
                if let deadline, MonotonicInstant.now().adding(milliseconds: intervalMilliseconds) > deadline {
                    logger.warning("sent \(sent) of \(count) \(kind)s for \(address): the operation's time is up")
                    break
                }
                Syscalls.sleep(milliseconds: intervalMilliseconds)
                guard stillWanted() else { break }
            }
            do {
                try sendOne()
            } catch {
                logger.warning("\(kind) for \(address) on \(link.name) failed: \(error)")
            }
            sent += 1
        }
        return sent
    }
}
