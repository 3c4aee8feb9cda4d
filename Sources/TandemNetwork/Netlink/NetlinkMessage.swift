/// One netlink message, as sent or received: header fields and the payload after the
/// 16-byte `nlmsghdr` (family header, then attributes).
public struct NetlinkMessage: Sendable, Equatable {
    /// `nlmsg_type`, e.g. `RTM_NEWADDR`.
    public var type: UInt16
    /// `nlmsg_flags` (`NLM_F_*`).
    public var flags: UInt16
    /// `nlmsg_seq`.
    public var sequence: UInt32
    /// `nlmsg_pid`: the sender's port (0 for the kernel).
    public var portID: UInt32
    /// Everything after the header.
    public var payload: [UInt8]

    /// The size of `nlmsghdr`.
    public static let headerSize = 16

    /// A message to send; sequence and port are filled in by the socket.
    public init(type: UInt16, flags: UInt16, payload: [UInt8] = [], sequence: UInt32 = 0, portID: UInt32 = 0) {
        self.type = type
        self.flags = flags
        self.payload = payload
        self.sequence = sequence
        self.portID = portID
    }

    /// The wire form: header (length, type, flags, sequence, port) in host order, then the payload.
    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(NetlinkMessage.headerSize + payload.count)
        bytes.appendHostOrder(UInt32(NetlinkMessage.headerSize + payload.count))
        bytes.appendHostOrder(type)
        bytes.appendHostOrder(flags)
        bytes.appendHostOrder(sequence)
        bytes.appendHostOrder(portID)
        return bytes + payload
    }

    /// Splits a received datagram into messages (each aligned to 4 bytes).
    /// - Throws: `NetlinkError.malformed` when a length field does not fit the buffer.
    public static func decodeAll(_ buffer: ArraySlice<UInt8>) throws(NetlinkError) -> [NetlinkMessage] {
        var messages: [NetlinkMessage] = []
        var offset = buffer.startIndex
        while buffer.endIndex - offset >= headerSize {
            let length = Int(buffer.hostOrder(UInt32.self, at: offset))
            guard length >= headerSize, offset + length <= buffer.endIndex else {
                throw .malformed("message length \(length) at offset \(offset - buffer.startIndex)")
            }
            messages.append(NetlinkMessage(
                type: buffer.hostOrder(UInt16.self, at: offset + 4),
                flags: buffer.hostOrder(UInt16.self, at: offset + 6),
                payload: Array(buffer[(offset + headerSize)..<(offset + length)]),
                sequence: buffer.hostOrder(UInt32.self, at: offset + 8),
                portID: buffer.hostOrder(UInt32.self, at: offset + 12)))
            offset += NetlinkAttributes.aligned(length)
        }
        return messages
    }
}

extension Array where Element == UInt8 {
    /// Appends `value`'s bytes in host byte order (netlink's order for headers and integers).
    mutating func appendHostOrder<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value) { append(contentsOf: $0) }
    }

    /// Appends `value`'s bytes in network byte order (packet headers).
    mutating func appendNetworkOrder<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.bigEndian) { append(contentsOf: $0) }
    }
}

extension Collection where Element == UInt8, Index == Int {
    /// The host-order integer at `offset` (absolute index); the caller checks the bounds.
    func hostOrder<T: FixedWidthInteger>(_ type: T.Type, at offset: Int) -> T {
        var value: T = 0
        for index in 0..<MemoryLayout<T>.size {
            Swift.withUnsafeMutableBytes(of: &value) { $0[index] = self[offset + index] }
        }
        return value
    }

    /// The network-order (big-endian) integer at `offset` (absolute index).
    func networkOrder<T: FixedWidthInteger>(_ type: T.Type, at offset: Int) -> T {
        T(bigEndian: hostOrder(T.self, at: offset))
    }
}
