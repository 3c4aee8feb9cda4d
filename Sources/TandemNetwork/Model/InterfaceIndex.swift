/// A network interface's kernel index (`ifindex`), stable while the interface exists.
public struct InterfaceIndex: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The index; 0 means "no interface".
    public let rawValue: Int32

    /// Wraps a kernel index.
    public init(_ rawValue: Int32) { self.rawValue = rawValue }

    public static func < (lhs: InterfaceIndex, rhs: InterfaceIndex) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { "ifindex \(rawValue)" }
}
