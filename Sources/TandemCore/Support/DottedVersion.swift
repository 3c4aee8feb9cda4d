/// A version such as `3.16.1`, compared component by component as numbers
/// (so `3.10.0` > `3.2.0`, and `3.2` == `3.2.0`).
public struct DottedVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let components: [Int]

    /// Parses dot-separated non-negative integers; a trailing non-numeric part of the last
    /// component (`2.1.5-rc1`) is dropped.
    ///
    /// - Returns: nil when the text does not start with a number.
    public init(components: [Int]) { self.components = components }

    public init?(_ text: some StringProtocol) {
        var parts: [Int] = []
        for piece in text.split(separator: ".", omittingEmptySubsequences: false) {
            let digits = piece.prefix { $0.isASCII && $0.isNumber }
            guard let value = Int(digits) else { break }
            parts.append(value)
            if digits.count != piece.count { break }
        }
        guard !parts.isEmpty else { return nil }
        components = parts
    }

    public static func < (lhs: DottedVersion, rhs: DottedVersion) -> Bool {
        for index in 0..<max(lhs.components.count, rhs.components.count) {
            let left = index < lhs.components.count ? lhs.components[index] : 0
            let right = index < rhs.components.count ? rhs.components[index] : 0
            if left != right { return left < right }
        }
        return false
    }

    public static func == (lhs: DottedVersion, rhs: DottedVersion) -> Bool { !(lhs < rhs) && !(rhs < lhs) }

    public func hash(into hasher: inout Hasher) {
        var trimmed = components
        while trimmed.count > 1, trimmed.last == 0 { trimmed.removeLast() }
        hasher.combine(trimmed)
    }

    public var description: String { components.map(String.init).joined(separator: ".") }
}
