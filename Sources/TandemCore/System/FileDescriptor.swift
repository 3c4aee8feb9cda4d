/// An open file descriptor owned by exactly one object, closed when that object goes away.
public final class FileDescriptor {
    /// The descriptor number.
    public let rawValue: Int32

    /// Takes ownership of `rawValue`.
    public init(owning rawValue: Int32) { self.rawValue = rawValue }

    deinit { Syscalls.close(rawValue) }
}
