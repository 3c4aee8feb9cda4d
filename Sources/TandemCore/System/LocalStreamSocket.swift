import Glibc

/// A connected AF_LOCAL stream socket to a daemon's control socket (tgtd's), every call
/// bounded by one deadline: a daemon that accepts but never answers cannot outlast the
/// operation.
public final class LocalStreamSocket {
    private let descriptor: FileDescriptor
    private let deadline: MonotonicInstant
    public let path: String

    /// Longest path a `sockaddr_un` holds (107 bytes and the terminating NUL).
    public static let maximumPathLength = MemoryLayout.size(ofValue: sockaddr_un().sun_path) - 1

    /// Connects to the socket file at `path`.
    ///
    /// - Throws: `SystemError` (ENOENT or ECONNREFUSED: no daemon; ENAMETOOLONG: the path
    ///   does not fit a socket address; EAGAIN: the deadline passed).
    public init(connectingTo path: String, until deadline: MonotonicInstant) throws(SystemError) {
        guard path.utf8.count <= Self.maximumPathLength else { throw SystemError(call: "connect(\(path))", code: ENAMETOOLONG) }
        self.path = path
        self.deadline = deadline
        descriptor = FileDescriptor(owning: try Syscalls.socket(domain: AF_LOCAL, type: Int32(SOCK_STREAM.rawValue), protocol: 0))
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_LOCAL)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.utf8.enumerated() { buffer[index] = byte }
        }
        try applyTimeouts()
        do {
            try Syscalls.connect(descriptor.rawValue, address)
        } catch {
            throw SystemError(call: "connect(\(path))", code: error.code)
        }
    }

    private func remainingMilliseconds() throws(SystemError) -> Int {
        let left = MonotonicInstant.now().milliseconds(until: deadline)
        guard left > 0 else { throw SystemError(call: "connect(\(path))", code: ETIMEDOUT) }
        return left
    }

    private func applyTimeouts() throws(SystemError) {
        let left = try remainingMilliseconds()
        try Syscalls.setSendTimeout(descriptor.rawValue, milliseconds: left)
        try Syscalls.setReceiveTimeout(descriptor.rawValue, milliseconds: left)
    }

    /// Sends all of `bytes` before the deadline.
    public func send(_ bytes: [UInt8]) throws(SystemError) {
        try applyTimeouts()
        try Syscalls.sendAll(descriptor.rawValue, bytes)
    }

    /// Receives exactly `count` bytes, or fewer when the peer closes first; EAGAIN when the
    /// deadline passes.
    public func receive(count: Int) throws(SystemError) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(count)
        while result.count < count {
            try applyTimeouts()
            var chunk = [UInt8](repeating: 0, count: min(count - result.count, 1 << 16))
            let received = try Syscalls.receive(descriptor.rawValue, into: &chunk)
            if received == 0 { break }
            result.append(contentsOf: chunk[0..<received])
        }
        return result
    }
}
