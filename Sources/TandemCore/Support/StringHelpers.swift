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
    /// words dropped: `split(whereSeparator:)` without its generic first-use cost.
    public func words() -> [String] {
        var result: [String] = []
        var word = ""
        for character in String(self) {
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
