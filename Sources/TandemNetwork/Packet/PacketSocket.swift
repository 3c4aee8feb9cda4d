import CTandem
import Glibc
import TandemCore

/// An `AF_PACKET` socket on one interface: sends whole Ethernet frames the agent built
/// itself (gratuitous ARP, neighbour advertisements) and, for captures, receives them.
public final class PacketSocket {
    private let descriptor: FileDescriptor
    /// The interface frames go out on (and are captured from).
    public let interface: InterfaceIndex

    /// `ETH_P_ALL`: every protocol, for capturing.
    public static let allProtocols: UInt16 = 0x0003

    /// Opens the socket.
    /// - Parameters:
    ///   - interface: the interface to send on / capture from.
    ///   - capturing: the EtherType to receive (`allProtocols` for everything); nil to only
    ///     send, so that no frames queue up on the socket.
    ///   - receiveTimeoutMilliseconds: how long `receive` waits.
    /// - Throws: `SystemError` (`EPERM` without CAP_NET_RAW).
    public init(interface: InterfaceIndex, capturing: UInt16? = nil,
                receiveTimeoutMilliseconds: Int = 1000) throws(SystemError) {
        self.interface = interface
        let protocolNumber = (capturing ?? 0).bigEndian
        let fd = try Syscalls.socket(domain: AF_PACKET, type: Int32(SOCK_RAW.rawValue), protocol: Int32(protocolNumber))
        descriptor = FileDescriptor(owning: fd)
        if capturing != nil {
            var local = sockaddr_ll()
            local.sll_family = UInt16(AF_PACKET)
            local.sll_protocol = protocolNumber
            local.sll_ifindex = interface.rawValue
            try Syscalls.bind(fd, local)
            try Syscalls.setReceiveTimeout(fd, milliseconds: max(1, receiveTimeoutMilliseconds))
            try Syscalls.enableReceiveTimestamps(fd)
        }
    }

    /// Sends one complete Ethernet frame (destination MAC in its first six bytes).
    /// The corresponding C function is `sendto` with a `sockaddr_ll`.
    public func send(frame: [UInt8]) throws(SystemError) {
        guard frame.count >= 14 else { throw SystemError(call: "sendto", code: EINVAL) }
        var destination = sockaddr_ll()
        destination.sll_family = UInt16(AF_PACKET)
        destination.sll_protocol = frame.hostOrder(UInt16.self, at: 12)   // already network order
        destination.sll_ifindex = interface.rawValue
        destination.sll_halen = 6
        destination.sll_addr = (frame[0], frame[1], frame[2], frame[3], frame[4], frame[5], 0, 0)
        try Syscalls.send(descriptor.rawValue, frame, to: destination)
    }

    /// The next frame and the kernel's receive time (CLOCK_REALTIME, ns); nil on timeout.
    public func receive() throws(SystemError) -> (frame: [UInt8], timestampNanoseconds: Int64)? {
        var buffer = [UInt8](repeating: 0, count: 2048)
        let count: Int
        do {
            count = try Syscalls.receive(descriptor.rawValue, into: &buffer)
        } catch {
            if error.code == EAGAIN || error.code == EWOULDBLOCK { return nil }
            throw error
        }
        let stamp = (try? Syscalls.lastPacketTimestamp(descriptor.rawValue)) ?? 0
        return (Array(buffer[0..<count]), stamp)
    }
}
