import Glibc

/// Small whole-file reads and writes (state files, sysfs/configfs attributes).
public enum FileContents {
    /// Up to `limit` bytes of the file, nil when it cannot be opened or read.
    public static func read(_ path: String, limit: Int = 1 << 20) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: min(limit, 65536))
        while bytes.count < limit {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, min($0.count, limit - bytes.count)) }
            if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
            else if count < 0 && Errno.current == EINTR { continue }
            else if count < 0 { return nil }
            else { break }
        }
        return bytes
    }

    /// Writes through a temporary file and rename, so readers never see half a file.
    /// (Kernel attributes are written in place instead: `AttributeTree.write`.)
    ///
    /// - Throws: `SystemError` from the open, write or rename that failed.
    public static func writeAtomically(_ path: String, _ bytes: [UInt8], mode: mode_t = 0o644,
                                       createDirectory: Bool = false) throws(SystemError) {
        if createDirectory, let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            // A directory that cannot be made shows up as the open's error below.
            try? makeDirectory(String(path[..<slash]))
        }
        let temporary = path + ".tmp.\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw SystemError(call: "open(\(temporary))", code: Errno.current) }
        do {
            try Syscalls.writeAll(fd, bytes, path: temporary)
        } catch {
            close(fd)
            Syscalls.removeFileIfPresent(temporary)
            throw error
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let code = Errno.current
            Syscalls.removeFileIfPresent(temporary)
            throw SystemError(call: "rename(\(path))", code: code)
        }
    }

    /// The path with every symbolic link resolved (realpath), nil when it does not exist.
    public static func resolvedPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Seconds since the file was last modified (wall clock), nil when it does not exist.
    public static func ageSeconds(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return now.tv_sec - info.st_mtim.tv_sec
    }

    /// `mkdir -p` with mode 0755.
    ///
    /// - Throws: `SystemError` from the first `mkdir` that failed other than with EEXIST.
    public static func makeDirectory(_ path: String) throws(SystemError) {
        var prefix = ""
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += "/" + component
            do {
                try Syscalls.makeDirectory(prefix)
            } catch where error.code == EEXIST {
                continue
            }
        }
    }
}
