extension IPAddress {
    /// Four decimal fields 0–255, no leading zeros (so "010" is not silently octal or decimal).
    static func parseIPv4(_ text: Substring) -> [UInt8]? {
        let fields = text.split(separator: ".", omittingEmptySubsequences: false)
        guard fields.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for field in fields {
            guard (1...3).contains(field.count), field.allSatisfy({ $0.isASCII && $0.isNumber }),
                  field.count == 1 || field.first != "0",
                  let value = UInt8(field) else { return nil }
            bytes.append(value)
        }
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
