/// A Pacemaker CRM feature set such as `3.16.2`, compared numerically field by field.
public struct FeatureSet: Sendable, Comparable, CustomStringConvertible {
    public let components: [Int]

    /// Parses dotted decimal numbers; nil for anything else.
    public init?(_ text: String) {
        let parts = text.trimmingWhitespace().split(separator: ".", omittingEmptySubsequences: false)
        var numbers: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.allSatisfy({ $0.isASCII }), let number = Int(part), number >= 0 else { return nil }
            numbers.append(number)
        }
        guard !numbers.isEmpty else { return nil }
        components = numbers
    }

    public init(_ major: Int, _ minor: Int, _ patch: Int = 0) { components = [major, minor, patch] }

    public var description: String { components.map(String.init).joined(separator: ".") }

    public static func < (lhs: FeatureSet, rhs: FeatureSet) -> Bool {
        for index in 0..<max(lhs.components.count, rhs.components.count) {
            let left = index < lhs.components.count ? lhs.components[index] : 0
            let right = index < rhs.components.count ? rhs.components[index] : 0
            if left != right { return left < right }
        }
        return false
    }

    public static func == (lhs: FeatureSet, rhs: FeatureSet) -> Bool { !(lhs < rhs) && !(rhs < lhs) }

    /// Pacemaker 2.1.0: `crm_attribute --promotion`, OCF 1.1 role names.
    public static let promotionAttributeCommand = FeatureSet(3, 10, 0)
    /// Pacemaker 2.0.3: `crm_mon --output-as=xml`; at or below this, use `--as-xml`.
    public static let legacyCrmMonXML = FeatureSet(3, 2, 0)
}
