import Glibc
import TandemCore

/// Named network namespaces (`ip netns` keeps them as bind mounts in `/run/netns`),
/// entered with `setns` rather than by re-executing through `ip netns exec`.
public enum NetworkNamespace {
    /// Why a namespace could not be entered.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// `/run/netns/<name>` does not exist.
        case notFound(String)
        /// Opening or entering it failed.
        case system(String, SystemError)

        public var description: String {
            switch self {
            case .notFound(let name): "network namespace \(name) does not exist (no \(NetworkNamespace.path(of: name)))"
            case .system(let name, let error): "cannot enter network namespace \(name): \(error)"
            }
        }
    }

    /// Where `ip netns` keeps the namespace `name`.
    public static func path(of name: String) -> String { "/run/netns/" + name }

    /// A name `ip netns` accepts: 1–255 bytes of letters, digits, `.`, `_`, `-`, not `.` or `..`.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 255 && name != "." && name != ".."
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)
                || $0 == "." || $0 == "_" || $0 == "-") }
    }

    /// Moves the calling thread into the namespace for good (an agent does this first).
    /// The corresponding C function is `setns(fd, CLONE_NEWNET)`.
    /// - Throws: `Failure.notFound` when it does not exist, `Failure.system` otherwise.
    public static func enter(_ name: String) throws(Failure) {
        let fd: Int32
        do {
            fd = try Syscalls.open(path(of: name), flags: O_RDONLY)
        } catch {
            throw error.code == ENOENT ? .notFound(name) : .system(name, error)
        }
        let descriptor = FileDescriptor(owning: fd)
        do {
            try Syscalls.enterNetworkNamespace(descriptor.rawValue)
        } catch {
            throw .system(name, error)
        }
    }

    /// Runs `body` with the calling thread in namespace `name`, then moves it back. `body`
    /// must not suspend (it has to stay on this thread); sockets it opens stay in `name`.
    /// - Throws: `Failure` for the namespace switch, or what `body` throws.
    public static func perform<T>(in name: String, _ body: () throws -> T) throws -> T {
        let original: Int32
        do {
            original = try Syscalls.open("/proc/thread-self/ns/net", flags: O_RDONLY)
        } catch {
            throw Failure.system("(current)", error)
        }
        let home = FileDescriptor(owning: original)
        try enter(name)
        defer {
            do {
                try Syscalls.enterNetworkNamespace(home.rawValue)
            } catch {
                preconditionFailure("cannot return to the original network namespace: \(error)")
            }
        }
        return try body()
    }
}
