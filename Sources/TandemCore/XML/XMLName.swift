/// A borrowed view of an element or attribute name inside libxml2's memory.
///
/// Names are compared byte-wise against `StaticString` literals, so recognising
/// an attribute allocates nothing. Valid only until the reader moves on.
public struct XMLName {
    /// NUL-terminated UTF-8 bytes owned by libxml2.
    public let pointer: UnsafePointer<UInt8>

    /// Wraps a libxml2 name pointer.
    public init(_ pointer: UnsafePointer<UInt8>) { self.pointer = pointer }

    /// True when the name is exactly `literal`.
    @inline(__always)
    public func matches(_ literal: StaticString) -> Bool {
        let other = literal.utf8Start
        let count = literal.utf8CodeUnitCount
        var index = 0
        // A shorter name hits its NUL first, which differs from any literal byte.
        while index < count {
            if pointer[index] != other[index] { return false }
            index += 1
        }
        return pointer[count] == 0
    }

    /// The name as a Swift string (allocates; for messages and unknown names).
    public var string: String { String(cString: pointer) }

    /// Lets `switch name { case "node": … }` compare without allocating.
    @inline(__always)
    public static func ~= (pattern: StaticString, name: XMLName) -> Bool {
        name.matches(pattern)
    }
}
