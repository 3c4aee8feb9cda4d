import TandemCore

extension IPAddress {
    /// Four decimal fields 0–255, no leading zeros (so "010" is not silently octal or decimal).
    static func parseIPv4(_ text: Substring) -> [UInt8]? {
        // By bytes: every portal and address parameter is parsed at each agent call.
        var bytes: [UInt8] = []
        var field: [UInt8] = []
        func close() -> Bool {
            guard (1...3).contains(field.count), field.count == 1 || field[0] != UInt8(ascii: "0"),
                  let value = decimalNumber(String(decoding: field, as: UTF8.self)), value <= 255 else { return false }
            bytes.append(UInt8(value))
            field.removeAll(keepingCapacity: true)
            return true
        }
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") {
                guard bytes.count < 3, close() else { return nil }
            } else {
                field.append(byte)
            }
        }
        guard bytes.count == 3, close() else { return nil }
        return bytes
    }

    /// RFC 4291 §2.2 text: eight groups of 1–4 hex digits, at most one `::`, optionally an
    /// IPv4 address as the last 32 bits. No zone index (`%eth0`), no brackets.
    static func parseIPv6(_ text: String) -> [UInt8]? {
        guard text.count <= 45, text.unicodeScalars.allSatisfy({ $0.isASCII }) else { return nil }
        let head: Substring
        let tail: Substring?
        if let gap = text.firstRange(of: "::") {
            head = text[..<gap.lowerBound]
            tail = text[gap.upperBound...]
            if tail?.contains("::") == true { return nil }
        } else {
            head = text[...]
            tail = nil
        }
        guard let headBytes = parseGroups(head, mayEndWithIPv4: tail == nil) else { return nil }
        guard let tail else { return headBytes.count == 16 ? headBytes : nil }
        guard let tailBytes = parseGroups(tail, mayEndWithIPv4: true),
              headBytes.count + tailBytes.count <= 14 else { return nil }
        return headBytes + [UInt8](repeating: 0, count: 16 - headBytes.count - tailBytes.count) + tailBytes
    }

    /// Colon-separated hex groups (possibly none), each becoming two bytes; an IPv4 tail becomes four.
    private static func parseGroups(_ text: Substring, mayEndWithIPv4: Bool) -> [UInt8]? {
        guard !text.isEmpty else { return [] }
        let groups = text.split(separator: ":", omittingEmptySubsequences: false)
        var bytes: [UInt8] = []
        for (index, group) in groups.enumerated() {
            if index == groups.count - 1 && mayEndWithIPv4 && group.contains(".") {
                guard let v4 = parseIPv4(group) else { return nil }
                bytes += v4
                continue
            }
            guard (1...4).contains(group.count), let value = UInt16(group, radix: 16),
                  group.allSatisfy(\.isHexDigit) else { return nil }
            bytes += [UInt8(value >> 8), UInt8(value & 0xff)]
        }
        return bytes.count <= 16 ? bytes : nil
    }
}
