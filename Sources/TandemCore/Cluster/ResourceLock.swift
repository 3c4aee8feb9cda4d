import Glibc

/// An exclusive lock under `HA_RSCTMP` (flock), for agents whose instances must not
/// act at the same time. The kernel releases it when the process exits, so a crashed
/// agent never leaves a stale lock (unlike ocf_take_lock's directories).
public final class ResourceLock {
    public let path: String
    private var fd: Int32

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    deinit { release() }

    /// Takes the lock `name`, waiting until `deadline` at most.
    ///
    /// - Throws: `OCFFailure` (generic error) when the deadline passes first or the lock
    ///   file cannot be opened.
    public static func acquire(_ name: String, directory: String, until deadline: MonotonicInstant) throws(OCFFailure) -> ResourceLock {
        try? FileContents.makeDirectory(directory)  // a failure shows up as the open's error
        let path = directory + "/tandem-" + name.replacingAll("/", with: "_") + ".lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw OCFFailure(.genericError, "cannot open lock file \(path): \(Errno.describe(Errno.current))")
        }
        while true {
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { return ResourceLock(path: path, fd: fd) }
            let code = Errno.current
            guard code == EWOULDBLOCK || code == EINTR else {
                close(fd)
                throw OCFFailure(.genericError, "cannot lock \(path): \(Errno.describe(code))")
            }
            if MonotonicInstant.now() >= deadline {
                close(fd)
                throw OCFFailure(.genericError, "timed out waiting for lock \(path)")
            }
            usleep(20_000)
        }
    }

    /// Releases the lock (also done when the object goes away).
    public func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }
}
