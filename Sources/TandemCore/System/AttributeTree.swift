import Glibc

/// A tree of kernel attributes: LIO's configfs (`/sys/kernel/config/target`), SCST's sysfs
/// (`/sys/kernel/scst_tgt`), device-mapper's `/sys/block/dm-*/dm`.
///
/// Attributes are small text files that the kernel reads and writes whole: a value is written
/// in place with one `write` (a temporary file and a rename, as for state files, would create a
/// plain file the kernel never sees), objects are directories created and removed one level at
/// a time, and links between objects are symbolic links.
public struct AttributeTree: Sendable {
    /// The tree's root directory, e.g. `/sys/kernel/config/target`.
    public let root: String

    public init(root: String) { self.root = root }

    /// The absolute path of `relative` (a path under the root, `/`-separated, or empty for the root).
    public func path(_ relative: String) -> String {
        relative.isEmpty ? root : root + "/" + relative
    }

    /// Whether `relative` exists (attribute, directory or link).
    public func exists(_ relative: String) -> Bool { access(path(relative), F_OK) == 0 }

    /// An attribute's value: its text without the trailing newline. SCST marks a value that
    /// differs from its default with a second line `[key]`; that line is not part of the value.
    ///
    /// - Throws: `SystemError` when it cannot be opened or read.
    public func read(_ relative: String, limit: Int = 1 << 16) throws(SystemError) -> String {
        let full = path(relative)
        let fd = try Syscalls.open(full, flags: O_RDONLY)
        defer { Syscalls.close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while bytes.count < limit {
            let count = try Syscalls.read(fd, into: &chunk, path: full)
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<min(count, limit - bytes.count)])
        }
        return Self.value(of: bytes)
    }

    /// The value in an attribute's text (see `read`).
    static func value(of text: String) -> String { value(of: Array(text.utf8)) }

    /// The value in an attribute's bytes: trailing newlines and SCST's `[key]` line (which marks
    /// a value that differs from the default) removed; by bytes, as every monitor reads dozens.
    static func value(of bytes: [UInt8]) -> String {
        let newline = UInt8(ascii: "\n")
        var end = bytes.count
        while end > 0 && bytes[end - 1] == newline { end -= 1 }
        if let lastBreak = bytes[..<end].lastIndex(of: newline),
           bytes[(lastBreak + 1)..<end].elementsEqual("[key]".utf8) {
            end = lastBreak
        }
        return String(decoding: bytes[..<end], as: UTF8.self)
    }

    /// Writes `value` to an existing attribute in place, in one write.
    ///
    /// - Throws: `SystemError` with the kernel's errno (EINVAL for a value it refuses, EAGAIN
    ///   where SCST runs the change in the background, EBUSY for an object in use).
    public func write(_ relative: String, _ value: String) throws(SystemError) {
        let full = path(relative)
        let fd = try Syscalls.open(full, flags: O_WRONLY)
        defer { Syscalls.close(fd) }
        try Syscalls.writeAll(fd, Array(value.utf8), path: full)
    }

    /// Creates one directory level (a configfs object). An existing directory is success.
    public func makeDirectory(_ relative: String) throws(SystemError) {
        do {
            try Syscalls.makeDirectory(path(relative))
        } catch where error.code == EEXIST {
            return
        }
    }

    /// Removes one directory level. A directory that is gone already is success.
    public func removeDirectory(_ relative: String) throws(SystemError) {
        do {
            try Syscalls.removeDirectory(path(relative))
        } catch where error.code == ENOENT {
            return
        }
    }

    /// Creates the symbolic link `relative` pointing at `target` (absolute, or relative to the
    /// link's directory). An existing link to the same target is success.
    public func link(_ relative: String, to target: String) throws(SystemError) {
        do {
            try Syscalls.symbolicLink(at: path(relative), to: target)
        } catch where error.code == EEXIST {
            if linkTarget(relative) == target { return }
            throw error
        }
    }

    /// Removes the link (or attribute file) `relative`. Gone already is success.
    public func removeLink(_ relative: String) throws(SystemError) {
        do {
            try Syscalls.unlink(path(relative))
        } catch where error.code == ENOENT {
            return
        }
    }

    /// Where the symbolic link `relative` points, nil when it is not a link.
    public func linkTarget(_ relative: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink(path(relative), &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The object (a path relative to the root) the link `relative` leads to; nil when it is no
    /// link or leads outside the tree. configfs and sysfs show links relative to the directory
    /// they are in (`../../../../../../target/core/iblock_N/name`).
    public func linkedObject(_ relative: String) -> String? {
        guard let target = linkTarget(relative) else { return nil }
        let parent = Array(Self.pathComponents(relative).dropLast()).joined(separator: "/")
        return Self.resolve(target, from: path(parent), root: root)
    }

    /// The object the first link in directory `relative` leads to (a LUN's storage object, a
    /// LUN's SCST device), whatever the link is named.
    public func firstLinkedObject(in relative: String) -> String? {
        for child in (try? children(relative)) ?? [] {
            if let object = linkedObject(relative + "/" + child) { return object }
        }
        return nil
    }

    /// A link's text resolved against the absolute `directory` it is in, relative to `root`;
    /// nil outside it. By bytes: every monitor resolves one link per LUN.
    public static func resolve(_ target: String, from directory: String, root: String) -> String? {
        var parts = target.hasBytePrefix("/") ? [] : pathComponents(directory)
        for part in pathComponents(target) {
            if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(part) }
        }
        let rootParts = pathComponents(root)
        guard parts.count > rootParts.count, Array(parts[0..<rootParts.count]) == rootParts else { return nil }
        var relative = ""
        for part in parts[rootParts.count...] {
            if !relative.isEmpty { relative += "/" }
            relative += part
        }
        return relative
    }

    /// The non-empty components of a slash-separated path.
    public static func pathComponents(_ path: String) -> [String] {
        var parts: [String] = []
        var current: [UInt8] = []
        for byte in path.utf8 {
            if byte != UInt8(ascii: "/") {
                current.append(byte)
            } else if !current.isEmpty {
                parts.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { parts.append(String(decoding: current, as: UTF8.self)) }
        return parts
    }

    /// The entries of directory `relative`, sorted, without `.` and `..`.
    public func children(_ relative: String) throws(SystemError) -> [String] {
        try Syscalls.directoryEntries(path(relative))
    }

    /// Whether `relative` is a directory (a configfs or sysfs object, not an attribute).
    public func isDirectory(_ relative: String) -> Bool {
        var info = stat()
        return lstat(path(relative), &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
