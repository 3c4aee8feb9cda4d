// Small string helpers: the library avoids Foundation so agents start fast. They work on
// UTF-8 bytes: every agent runs them at start-up (on each OCF_RESKEY_ name and value), and
// the generic Character-based searches of the standard library cost more there than the
// whole action (measured with callgrind: replacingAll by firstRange(of:) was 15% of a monitor).

extension StringProtocol {
    /// The text without leading and trailing white space (Unicode's, as `Character.isWhitespace`).
    public func trimmingWhitespace() -> String {
        let text = String(self), bytes = text.utf8
        // ASCII ends (the usual case): no Character is formed.
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, isASCIIWhitespace(bytes[start]) { start = bytes.index(after: start) }
        while start < end, isASCIIWhitespace(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        // A non-ASCII byte at either end may be Unicode white space: the Character-based rule decides.
        guard start < end, bytes[start] >= 0x80 || bytes[bytes.index(before: end)] >= 0x80 else {
            return String(text[start..<end])
        }
        let inner = text[start..<end]
        guard let first = inner.firstIndex(where: { !$0.isWhitespace }),
              let last = inner.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(inner[first...last])
    }
}

/// Space, tab, newline, vertical tab, form feed, carriage return (what `Character.isWhitespace`
/// says of the ASCII range).
@inline(__always)
func isASCIIWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0d).contains(byte) }

extension String {
    /// Every occurrence of `target` replaced by `replacement`, matched byte for byte (UTF-8).
    public func replacingAll(_ target: String, with replacement: String) -> String {
        let pattern = Array(target.utf8)
        guard let head = pattern.first, utf8.contains(head) else { return self }
        let source = Array(utf8)
        var result: [UInt8] = []
        result.reserveCapacity(source.count)
        var index = 0
        while index < source.count {
            if source[index] == head, index + pattern.count <= source.count,
               source[index..<(index + pattern.count)].elementsEqual(pattern) {
                result.append(contentsOf: replacement.utf8)
                index += pattern.count
            } else {
                result.append(source[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}

extension Array where Element == String {
    /// The texts with `separator` between them. Shadows the standard library's generic
    /// `joined(separator:)` for arrays of strings in every module that imports TandemCore: that
    /// one runs unspecialized and resolves its associated types at run time on first use
    /// (~100k instructions in each agent process, measured with callgrind).
    public func joined(separator: String = "") -> String {
        var result = ""
        for index in indices {
            if index > startIndex { result += separator }
            result += self[index]
        }
        return result
    }
}

extension StringProtocol {
    /// The words of the text, split at Unicode white space (`Character.isWhitespace`), empty
    /// words dropped: `split(whereSeparator:)` without its generic first-use cost. ASCII text
    /// (every parameter list) is split by bytes; other text by the Character rule.
    public func words() -> [String] {
        let text = String(self)
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return Self.characterWords(text) }
        var result: [String] = []
        var word: [UInt8] = []
        for byte in text.utf8 {
            if isASCIIWhitespace(byte) {
                if !word.isEmpty { result.append(String(decoding: word, as: UTF8.self)); word.removeAll(keepingCapacity: true) }
            } else {
                word.append(byte)
            }
        }
        if !word.isEmpty { result.append(String(decoding: word, as: UTF8.self)) }
        return result
    }

    private static func characterWords(_ text: String) -> [String] {
        var result: [String] = []
        var word = ""
        for character in text {
            if character.isWhitespace {
                if !word.isEmpty { result.append(word); word = "" }
            } else {
                word.append(character)
            }
        }
        if !word.isEmpty { result.append(word) }
        return result
    }
}

extension String {
    /// Whether the UTF-8 bytes start with `prefix`'s: `hasPrefix` without Unicode's canonical
    /// equivalence (the names and texts compared here are ASCII, and that rule's code is large).
    public func hasBytePrefix(_ prefix: String) -> Bool { utf8.starts(with: prefix.utf8) }

    /// The text after the first `count` bytes (which must end at a character boundary).
    public func droppingBytes(_ count: Int) -> String { String(Substring(utf8.dropFirst(count))) }

    /// Whether the UTF-8 bytes contain `byte`.
    public func containsByte(_ byte: UInt8) -> Bool { utf8.contains(byte) }

    /// Lower-case hex of `value`, at least `digits` digits (zero-padded).
    public static func hex(_ value: UInt64, digits: Int = 1) -> String {
        let symbols = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        var rest = value
        repeat {
            bytes.append(symbols[Int(rest & 0xf)])
            rest >>= 4
        } while rest != 0
        while bytes.count < digits { bytes.append(UInt8(ascii: "0")) }
        bytes.reverse()
        // An array, not `reversed()`: String(decoding:) of another collection type asks the
        // runtime whether it has contiguous bytes, a scan of every protocol conformance.
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A decimal number of ASCII digits only (no sign, no space), at most `maxDigits` of them.
public func decimalNumber(_ text: Substring, maxDigits: Int = 18) -> Int? {
    let bytes = text.utf8
    guard !bytes.isEmpty, bytes.count <= maxDigits else { return nil }
    var value = 0
    for byte in bytes {
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
}

/// `decimalNumber` of a whole string.
public func decimalNumber(_ text: String, maxDigits: Int = 18) -> Int? { decimalNumber(text[...], maxDigits: maxDigits) }
