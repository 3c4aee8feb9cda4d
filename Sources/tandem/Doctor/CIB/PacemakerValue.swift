/// Values as Pacemaker reads them from the CIB.
enum PacemakerValue {
    static let infinity = 1_000_000

    /// A score: an integer, or (+/-)INFINITY (also `inf`, as crm shell writes `inf:`).
    static func score(_ text: String?) -> Int? {
        guard let text = text?.trimmingCharacters(" ") else { return nil }
        switch text.lowercased() {
        case "infinity", "+infinity", "inf", "+inf": return infinity
        case "-infinity", "-inf": return -infinity
        default: return Int(text).map { max(-infinity, min(infinity, $0)) }
        }
    }

    /// A duration in milliseconds as `crm_get_msec` reads it: a bare number is seconds;
    /// `ms`/`msec`, `s`/`sec`, `m`/`min`, `h`/`hr` units.
    static func milliseconds(_ text: String?) -> Int? {
        guard let text = text?.trimmingCharacters(" ").lowercased(), !text.isEmpty else { return nil }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard let number = Int(digits) else { return nil }
        switch text.dropFirst(digits.count).trimmingCharacters(" ") {
        case "", "s", "sec": return number * 1000
        case "ms", "msec": return number
        case "m", "min": return number * 60_000
        case "h", "hr": return number * 3_600_000
        default: return nil
        }
    }

    /// A boolean as `crm_is_true` reads it; nil for anything else.
    static func bool(_ text: String?) -> Bool? {
        switch text?.trimmingCharacters(" ").lowercased() {
        case "true", "yes", "y", "on", "1": true
        case "false", "no", "n", "off", "0": false
        default: nil
        }
    }
}

extension StringProtocol {
    func trimmingCharacters(_ set: Character) -> String {
        var slice = self[...]
        while slice.first == set { slice = slice.dropFirst() }
        while slice.last == set { slice = slice.dropLast() }
        return String(slice)
    }
}
