/// A borrowed view of an attribute value or text inside libxml2's memory.
///
/// Numbers, booleans and durations are decoded straight from the bytes; a Swift
/// `String` is made only when the caller keeps the text. Valid until the reader moves on.
public struct XMLValue {
    /// NUL-terminated UTF-8 bytes owned by libxml2.
    public let pointer: UnsafePointer<UInt8>

    /// Wraps a libxml2 value pointer.
    public init(_ pointer: UnsafePointer<UInt8>) { self.pointer = pointer }

    /// The value as a Swift string (small values are stored inline, without allocating).
    public var string: String { String(cString: pointer) }

    /// True when the value is the empty string.
    public var isEmpty: Bool { pointer[0] == 0 }

    /// The value's bytes, without the terminating NUL.
    public var bytes: UnsafeBufferPointer<UInt8> {
        var count = 0
        while pointer[count] != 0 { count += 1 }
        return UnsafeBufferPointer(start: pointer, count: count)
    }

    /// True when the value is exactly `literal`.
    @inline(__always)
    public func matches(_ literal: StaticString) -> Bool { XMLName(pointer).matches(literal) }

    /// True when the value equals `literal` ignoring ASCII case (`literal` must be lower case).
    public func matchesIgnoringCase(_ literal: StaticString) -> Bool {
        let other = literal.utf8Start
        let count = literal.utf8CodeUnitCount
        var index = 0
        while index < count {
            if Self.lowercased(pointer[index]) != other[index] { return false }
            index += 1
        }
        return pointer[count] == 0
    }

    /// `true`/`false` as Pacemaker writes them; also `yes`/`no`/`on`/`off`/`1`/`0` as its
    /// `crm_is_true` accepts. Nil for anything else.
    public var bool: Bool? {
        switch Self.lowercased(pointer[0]) {
        case UInt8(ascii: "t"): return matchesIgnoringCase("true") ? true : nil
        case UInt8(ascii: "f"): return matchesIgnoringCase("false") ? false : nil
        case UInt8(ascii: "y"): return matchesIgnoringCase("yes") || matchesIgnoringCase("y") ? true : nil
        case UInt8(ascii: "n"): return matchesIgnoringCase("no") || matchesIgnoringCase("n") ? false : nil
        case UInt8(ascii: "o"): return matchesIgnoringCase("on") ? true : (matchesIgnoringCase("off") ? false : nil)
        case UInt8(ascii: "1"): return pointer[1] == 0 ? true : nil
        case UInt8(ascii: "0"): return pointer[1] == 0 ? false : nil
        default: return nil
        }
    }

    /// A decimal integer with optional sign; nil on anything else or on overflow.
    public var int: Int? {
        let (number, end) = leadingInteger()
        guard let number, pointer[end] == 0 else { return nil }
        return number
    }

    /// A duration in milliseconds: `10000ms`, `10000` (milliseconds), `10s`, `2min`/`2m`, `1h`.
    /// Nil on a negative or unparsable value.
    public var milliseconds: Int? {
        let (number, end) = leadingInteger()
        guard let number, number >= 0 else { return nil }
        let unit = XMLValue(pointer + end)
        let factor: Int
        if unit.isEmpty || unit.matches("ms") || unit.matches("msec") { factor = 1 }
        else if unit.matches("s") || unit.matches("sec") { factor = 1000 }
        else if unit.matches("m") || unit.matches("min") { factor = 60_000 }
        else if unit.matches("h") || unit.matches("hr") { factor = 3_600_000 }
        else { return nil }
        let (product, overflow) = number.multipliedReportingOverflow(by: factor)
        return overflow ? nil : product
    }

    /// Parses `[+-]digits` at the start; returns the number (nil when none or on overflow)
    /// and the offset of the first byte after it.
    private func leadingInteger() -> (Int?, Int) {
        var index = 0
        var negative = false
        if pointer[0] == UInt8(ascii: "-") || pointer[0] == UInt8(ascii: "+") {
            negative = pointer[0] == UInt8(ascii: "-")
            index = 1
        }
        let firstDigit = index
        var result = 0
        while pointer[index] >= UInt8(ascii: "0") && pointer[index] <= UInt8(ascii: "9") {
            let digit = Int(pointer[index] &- UInt8(ascii: "0"))
            let (times, overflow1) = result.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = negative ? times.subtractingReportingOverflow(digit)
                                            : times.addingReportingOverflow(digit)
            if overflow1 || overflow2 { return (nil, index) }
            result = sum
            index += 1
        }
        return (index > firstDigit ? result : nil, index)
    }

    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
