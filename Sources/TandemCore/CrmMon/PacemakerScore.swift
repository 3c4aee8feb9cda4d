/// Pacemaker scores: integers clamped to ±1,000,000, with `INFINITY` spelled out.
public enum PacemakerScore {
    /// The value Pacemaker treats as infinity.
    public static let infinity = 1_000_000

    /// Parses `123`, `-50`, `INFINITY`, `+INFINITY`, `-INFINITY` (case-insensitive),
    /// clamping to ±`infinity` as Pacemaker does.
    ///
    /// - Returns: nil for anything else.
    public static func parse(_ text: some StringProtocol) -> Int? {
        switch text.uppercased() {
        case "INFINITY", "+INFINITY": return infinity
        case "-INFINITY": return -infinity
        default:
            guard let value = Int(text) ?? (text.first == "+" ? Int(text.dropFirst()) : nil) else { return nil }
            return min(max(value, -infinity), infinity)
        }
    }
}
