import CTandem
import Glibc
import TandemCore

/// A `NETLINK_ROUTE` socket that sends one request at a time and reads its answer:
/// sequence numbers, acknowledgements, dumps, kernel errors with their extended-ack text,
/// and a receive timeout so no exchange can hang.
public final class NetlinkSocket {
    private let descriptor: FileDescriptor
    private var nextSequence: UInt32 = 1
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    /// The port the kernel assigned to this socket.
    public let portID: UInt32

    /// Opens and binds the socket in the calling thread's network namespace.
    /// - Parameter receiveTimeoutMilliseconds: how long one receive may wait for the kernel.
    /// - Throws: `NetlinkError.system` when the socket cannot be set up.
    public init(receiveTimeoutMilliseconds: Int = 5000) throws(NetlinkError) {
        do throws(SystemError) {
            let fd = try Syscalls.socket(domain: AF_NETLINK, type: Int32(SOCK_RAW.rawValue), protocol: 0)
            descriptor = FileDescriptor(owning: fd)
            // Extended acks give the kernel's own words for a refusal; older kernels lack them.
            try? Syscalls.setOption(fd, level: NL.solNetlink, name: NL.extendedAck, value: 1)
            try? Syscalls.setOption(fd, level: NL.solNetlink, name: NL.capAck, value: 1)
            try Syscalls.setReceiveTimeout(fd, milliseconds: max(1, receiveTimeoutMilliseconds))
            var local = sockaddr_nl()
            local.nl_family = sa_family_t(AF_NETLINK)
            try Syscalls.bind(fd, local)
            portID = try Syscalls.socketName(fd, as: sockaddr_nl.self, initial: sockaddr_nl()).nl_pid
        } catch {
            throw .system(error)
        }
    }

    /// Sends a request that changes something and waits for the kernel's acknowledgement.
    /// - Throws: `NetlinkError.kernel` with the errno when the kernel refuses.
    public func perform(_ message: NetlinkMessage, operation: String) throws(NetlinkError) {
        _ = try exchange(message, extraFlags: NL.ack, operation: operation)
    }

    /// Sends a request for one object and returns the kernel's answer.
    /// - Throws: `NetlinkError.kernel` (e.g. `ENODEV` for an unknown interface).
    public func query(_ message: NetlinkMessage, operation: String) throws(NetlinkError) -> NetlinkMessage {
        guard let answer = try exchange(message, extraFlags: NL.ack, operation: operation).first else {
            throw .malformed("\(operation): acknowledged without an answer")
        }
        return answer
    }

    /// Sends a dump request and returns every message until `NLMSG_DONE`.
    public func dump(_ message: NetlinkMessage, operation: String) throws(NetlinkError) -> [NetlinkMessage] {
        try exchange(message, extraFlags: NL.dump, operation: operation)
    }

    private func exchange(_ message: NetlinkMessage, extraFlags: UInt16,
                          operation: String) throws(NetlinkError) -> [NetlinkMessage] {
        var request = message
        request.flags |= NL.request | extraFlags
        request.sequence = nextSequence
        request.portID = portID
        nextSequence &+= 1
        var kernel = sockaddr_nl()
        kernel.nl_family = sa_family_t(AF_NETLINK)
        do throws(SystemError) {
            try Syscalls.send(descriptor.rawValue, request.encoded(), to: kernel)
        } catch {
            throw .system(error)
        }
        var answers: [NetlinkMessage] = []
        while true {
            for reply in try receive(operation: operation) where reply.sequence == request.sequence {
                switch reply.type {
                case NL.error:
                    let code = Self.errorCode(reply)
                    if code == 0 { return answers }
                    throw .kernel(operation: operation, code: -code, message: Self.extendedAckMessage(reply))
                case NL.done:
                    let code = Self.errorCode(reply)
                    if code < 0 { throw .kernel(operation: operation, code: -code, message: Self.extendedAckMessage(reply)) }
                    return answers
                case NL.noop:
                    continue
                case NL.overrun:
                    throw .malformed("\(operation): receive buffer overrun")
                default:
                    answers.append(reply)
                }
            }
        }
    }

    private func receive(operation: String) throws(NetlinkError) -> [NetlinkMessage] {
        let count: Int
        do throws(SystemError) {
            count = try Syscalls.receive(descriptor.rawValue, into: &buffer)
        } catch {
            if error.code == EAGAIN || error.code == EWOULDBLOCK { throw .timeout(operation: operation) }
            throw .system(error)
        }
        return try NetlinkMessage.decodeAll(buffer[0..<count])
    }

    /// The (negative errno or 0) `error` field of an `NLMSG_ERROR` or `NLMSG_DONE` payload.
    static func errorCode(_ message: NetlinkMessage) -> Int32 {
        message.payload.count >= 4 ? message.payload.hostOrder(Int32.self, at: 0) : 0
    }

    /// `NLMSGERR_ATTR_MSG` from an extended acknowledgement, when the kernel sent one.
    static func extendedAckMessage(_ message: NetlinkMessage) -> String? {
        guard message.type == NL.error, message.flags & NL.ackTLVs != 0,
              message.payload.count >= 4 + NetlinkMessage.headerSize else { return nil }
        var offset = 4 + NetlinkMessage.headerSize
        if message.flags & NL.capped == 0 {
            offset = 4 + NetlinkAttributes.aligned(Int(message.payload.hostOrder(UInt32.self, at: 4)))
        }
        guard offset <= message.payload.count else { return nil }
        return NetlinkAttributes(decoding: message.payload[offset...]).string(NL.errorMessageAttribute)
    }
}
