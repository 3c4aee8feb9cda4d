import CTandem
import Glibc

/// The one place the library calls the C library for sockets, files, directories and
/// namespaces (the command runner's process calls live in `Exec/`).
///
/// Each wrapper retries on `EINTR` (unless told not to) and throws a typed
/// `SystemError`; `EBADF` and `EFAULT` are programming errors and stop the process.
public enum Syscalls {
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
    public static func socket(domain: Int32, type: Int32, protocol: Int32) throws(SystemError) -> Int32 {
        let cloexec = Int32(SOCK_CLOEXEC.rawValue)
        return Int32(try checked("socket") { Int(Glibc.socket(domain, type | cloexec, `protocol`)) })
    }

    /// The corresponding C function is `bind`.
    public static func bind<Address>(_ fd: Int32, _ address: Address) throws(SystemError) {
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
    public static func socketName<Address>(_ fd: Int32, as type: Address.Type, initial: Address) throws(SystemError) -> Address {
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
    public static func setOption(_ fd: Int32, level: Int32, name: Int32, value: Int32) throws(SystemError) {
        var value = value
        _ = try checked("setsockopt") {
            Int(setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size)))
        }
    }

    /// SO_RCVTIMEO in milliseconds. The corresponding C function is `setsockopt`.
    public static func setReceiveTimeout(_ fd: Int32, milliseconds: Int) throws(SystemError) {
        _ = try checked("setsockopt(SO_RCVTIMEO)") { Int(ctandem_set_receive_timeout(fd, Int32(clamping: milliseconds))) }
    }

    /// Arrival timestamps on. The corresponding C function is `ioctl(SIOCGSTAMPNS)`.
    public static func enableReceiveTimestamps(_ fd: Int32) throws(SystemError) {
        _ = try checked("ioctl(SIOCGSTAMPNS)") { Int(ctandem_enable_receive_timestamps(fd)) }
    }

    /// The corresponding C function is `connect`. Not retried on EINTR (a retried connect
    /// reports EALREADY or EISCONN); the caller treats an interrupted connect as failed.
    public static func connect<Address>(_ fd: Int32, _ address: Address) throws(SystemError) {
        var address = address
        _ = try checked("connect", retryOnInterrupt: false) {
            withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Int(Glibc.connect(fd, $0, socklen_t(MemoryLayout<Address>.size)))
                }
            }
        }
    }

    /// SO_SNDTIMEO in milliseconds: it also bounds a blocking `connect` on a local socket.
    /// The corresponding C function is `setsockopt`.
    public static func setSendTimeout(_ fd: Int32, milliseconds: Int) throws(SystemError) {
        let clamped = max(milliseconds, 1)
        var value = timeval(tv_sec: clamped / 1000, tv_usec: (clamped % 1000) * 1000)
        _ = try checked("setsockopt(SO_SNDTIMEO)") {
            Int(setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &value, socklen_t(MemoryLayout<timeval>.size)))
        }
    }

    /// Sends all of `bytes` on a connected stream socket, without SIGPIPE. The corresponding C
    /// function is `send` with `MSG_NOSIGNAL`; a send timeout surfaces as `EAGAIN`.
    public static func sendAll(_ fd: Int32, _ bytes: [UInt8]) throws(SystemError) {
        var rest = bytes[...]
        while !rest.isEmpty {
            let sent = try checked("send") {
                rest.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            }
            rest = rest.dropFirst(sent)
        }
    }

    /// The corresponding C function is `sendto`; returns the bytes sent.
    @discardableResult
    public static func send<Address>(_ fd: Int32, _ bytes: [UInt8], to address: Address) throws(SystemError) -> Int {
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
    public static func receive(_ fd: Int32, into buffer: inout [UInt8], flags: Int32 = 0) throws(SystemError) -> Int {
        try checked("recv") {
            buffer.withUnsafeMutableBytes { Glibc.recv(fd, $0.baseAddress, $0.count, flags) }
        }
    }

    /// The corresponding C function is `open`, always with `O_CLOEXEC`.
    public static func open(_ path: String, flags: Int32) throws(SystemError) -> Int32 {
        Int32(try checked("open(\(path))") { Int(Glibc.open(path, flags | O_CLOEXEC)) })
    }

    /// The corresponding C function is `close`; never retried (Linux frees the descriptor anyway).
    public static func close(_ fd: Int32) {
        _ = Glibc.close(fd)
    }

    /// The corresponding C function is `setns(fd, CLONE_NEWNET)`.
    public static func enterNetworkNamespace(_ fd: Int32) throws(SystemError) {
        _ = try checked("setns") { Int(ctandem_setns_net(fd)) }
    }

    /// The kernel's receive time of the last packet read from `fd`, CLOCK_REALTIME nanoseconds.
    /// The corresponding C function is `ioctl(SIOCGSTAMPNS)`.
    public static func lastPacketTimestamp(_ fd: Int32) throws(SystemError) -> Int64 {
        Int64(try checked("ioctl(SIOCGSTAMPNS)") { Int(ctandem_last_packet_timestamp_ns(fd)) })
    }

    /// Reads once into `buffer`; returns the bytes read (0 at end of file). The corresponding C
    /// function is `read`.
    public static func read(_ fd: Int32, into buffer: inout [UInt8], path: String) throws(SystemError) -> Int {
        try checked("read(\(path))") { buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) } }
    }

    /// Writes all of `bytes` to `fd` in as few calls as the kernel allows (configfs and sysfs
    /// take an attribute's value in one). The corresponding C function is `write`.
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(SystemError) {
        var rest = bytes[...]
        repeat {
            let written = try checked("write(\(path))") {
                rest.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            }
            rest = rest.dropFirst(written)
        } while !rest.isEmpty
    }

    /// The corresponding C function is `mkdir`.
    public static func makeDirectory(_ path: String, mode: mode_t = 0o755) throws(SystemError) {
        _ = try checked("mkdir(\(path))") { Int(Glibc.mkdir(path, mode)) }
    }

    /// The corresponding C function is `rmdir`.
    public static func removeDirectory(_ path: String) throws(SystemError) {
        _ = try checked("rmdir(\(path))") { Int(Glibc.rmdir(path)) }
    }

    /// The corresponding C function is `symlink`.
    public static func symbolicLink(at path: String, to target: String) throws(SystemError) {
        _ = try checked("symlink(\(path))") { Int(Glibc.symlink(target, path)) }
    }

    /// The corresponding C function is `unlink`.
    public static func unlink(_ path: String) throws(SystemError) {
        _ = try checked("unlink(\(path))") { Int(Glibc.unlink(path)) }
    }

    /// The names in a directory, without `.` and `..`, sorted. The corresponding C functions
    /// are `opendir` and `readdir`.
    public static func directoryEntries(_ path: String) throws(SystemError) -> [String] {
        guard let directory = Glibc.opendir(path) else { throw SystemError(call: "opendir(\(path))", code: errno) }
        defer { Glibc.closedir(directory) }
        var names: [String] = []
        while let entry = Glibc.readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Removes a file that may already be gone (a state or pid file); nil on success or
    /// when it was not there, else the error. The corresponding C function is `unlink`.
    @discardableResult
    public static func removeFileIfPresent(_ path: String) -> SystemError? {
        do {
            try unlink(path)
            return nil
        } catch {
            return error.code == ENOENT ? nil : error
        }
    }

    /// Sleeps `milliseconds`, resuming after signals until the time is up. The corresponding C
    /// function is `clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME)`.
    public static func sleep(milliseconds: Int) {
        guard milliseconds > 0 else { return }
        let wake = MonotonicInstant.now().adding(milliseconds: milliseconds)
        var target = timespec(tv_sec: Int(wake.nanoseconds / 1_000_000_000), tv_nsec: Int(wake.nanoseconds % 1_000_000_000))
        while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &target, nil) == EINTR {}
    }

    /// This host's name (`uname -n`), nil when it cannot be read. The corresponding C function
    /// is `gethostname`.
    public static func hostName() -> String? {
        var name = [CChar](repeating: 0, count: 256)
        guard Glibc.gethostname(&name, name.count) == 0 else { return nil }
        return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Sends `signal` to process `pid`. The corresponding C function is `kill`.
    public static func signal(_ signal: Int32, to pid: pid_t) throws(SystemError) {
        _ = try checked("kill(\(pid))") { Int(Glibc.kill(pid, signal)) }
    }
}
