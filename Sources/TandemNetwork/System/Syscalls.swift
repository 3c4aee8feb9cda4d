import CTandem
import Glibc

/// The one place TandemNetwork calls the C library for sockets, files and namespaces.
///
/// Each wrapper retries on `EINTR` (unless told not to) and throws a typed
/// `SystemError`; `EBADF` and `EFAULT` are programming errors and stop the process.
enum Syscalls {
    /// Runs `body` until it succeeds or fails with something other than EINTR.
    private static func checked(_ call: String, retryOnInterrupt: Bool = true,
                                _ body: () -> Int) throws(SystemError) -> Int {
        while true {
            let result = body()
            if result >= 0 { return result }
            let code = errno
            if code == EINTR && retryOnInterrupt { continue }
            precondition(code != EBADF && code != EFAULT, "\(call) failed with errno \(code): a descriptor or buffer bug")
            throw SystemError(call: call, code: code)
        }
    }

    /// The corresponding C function is `socket`; the descriptor is close-on-exec.
    static func socket(domain: Int32, type: Int32, protocol: Int32) throws(SystemError) -> Int32 {
        let cloexec = Int32(SOCK_CLOEXEC.rawValue)
        return Int32(try checked("socket") { Int(Glibc.socket(domain, type | cloexec, `protocol`)) })
    }

    /// The corresponding C function is `bind`.
    static func bind<Address>(_ fd: Int32, _ address: Address) throws(SystemError) {
        var address = address
        _ = try checked("bind") {
            withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Int(Glibc.bind(fd, $0, socklen_t(MemoryLayout<Address>.size)))
                }
            }
        }
    }

    /// The corresponding C function is `getsockname`.
    static func socketName<Address>(_ fd: Int32, as type: Address.Type, initial: Address) throws(SystemError) -> Address {
        var address = initial
        var length = socklen_t(MemoryLayout<Address>.size)
        _ = try checked("getsockname") {
            withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { Int(getsockname(fd, $0, &length)) }
            }
        }
        return address
    }

    /// The corresponding C function is `setsockopt` with an `int` value.
    static func setOption(_ fd: Int32, level: Int32, name: Int32, value: Int32) throws(SystemError) {
        var value = value
        _ = try checked("setsockopt") {
            Int(setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size)))
        }
    }

    /// SO_RCVTIMEO in milliseconds. The corresponding C function is `setsockopt`.
    static func setReceiveTimeout(_ fd: Int32, milliseconds: Int) throws(SystemError) {
        _ = try checked("setsockopt(SO_RCVTIMEO)") { Int(ctandem_set_receive_timeout(fd, Int32(clamping: milliseconds))) }
    }

    /// Arrival timestamps on. The corresponding C function is `ioctl(SIOCGSTAMPNS)`.
    static func enableReceiveTimestamps(_ fd: Int32) throws(SystemError) {
        _ = try checked("ioctl(SIOCGSTAMPNS)") { Int(ctandem_enable_receive_timestamps(fd)) }
    }

    /// The corresponding C function is `sendto`; returns the bytes sent.
    @discardableResult
    static func send<Address>(_ fd: Int32, _ bytes: [UInt8], to address: Address) throws(SystemError) -> Int {
        var address = address
        return try checked("sendto") {
            bytes.withUnsafeBytes { buffer in
                withUnsafePointer(to: &address) { pointer in
                    pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        Glibc.sendto(fd, buffer.baseAddress, buffer.count, 0, $0, socklen_t(MemoryLayout<Address>.size))
                    }
                }
            }
        }
    }

    /// The corresponding C function is `recv`; returns the bytes read into `buffer`.
    /// A receive timeout surfaces as `EAGAIN`.
    static func receive(_ fd: Int32, into buffer: inout [UInt8], flags: Int32 = 0) throws(SystemError) -> Int {
        try checked("recv") {
            buffer.withUnsafeMutableBytes { Glibc.recv(fd, $0.baseAddress, $0.count, flags) }
        }
    }

    /// The corresponding C function is `open`, always with `O_CLOEXEC`.
    static func open(_ path: String, flags: Int32) throws(SystemError) -> Int32 {
        Int32(try checked("open(\(path))") { Int(Glibc.open(path, flags | O_CLOEXEC)) })
    }

    /// The corresponding C function is `close`; never retried (Linux frees the descriptor anyway).
    static func close(_ fd: Int32) {
        _ = Glibc.close(fd)
    }

    /// The corresponding C function is `setns(fd, CLONE_NEWNET)`.
    static func enterNetworkNamespace(_ fd: Int32) throws(SystemError) {
        _ = try checked("setns") { Int(ctandem_setns_net(fd)) }
    }

    /// The kernel's receive time of the last packet read from `fd`, CLOCK_REALTIME nanoseconds.
    /// The corresponding C function is `ioctl(SIOCGSTAMPNS)`.
    static func lastPacketTimestamp(_ fd: Int32) throws(SystemError) -> Int64 {
        Int64(try checked("ioctl(SIOCGSTAMPNS)") { Int(ctandem_last_packet_timestamp_ns(fd)) })
    }
}
