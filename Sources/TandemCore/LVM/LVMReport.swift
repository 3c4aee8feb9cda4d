/// The rows of an LVM report asked for with `--noheadings --nameprefixes`: one line per row,
/// `LVM2_VG_NAME='vg0' LVM2_VG_TAGS='a,b' …`. Plain key=value text, parsed without a shell
/// or a JSON reader; every value is a string, as LVM prints it.
public enum LVMReport {
    /// One row: the field name without `LVM2_`, lower-cased (`vg_name`), to its value.
    public typealias Row = [String: String]

    /// The rows of `text`; lines that hold no `KEY='value'` field are left out (warnings
    /// go to stderr, but a wrapper could mix them in).
    public static func rows(_ text: String) -> [Row] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let row = fields(in: Substring(line))
            return row.isEmpty ? nil : row
        }
    }

    static func fields(in line: Substring) -> Row {
        var row: Row = [:]
        var rest = line[...]
        while true {
            rest = rest.drop(while: { $0 == " " || $0 == "\t" })
            guard rest.hasPrefix("LVM2_"), let equals = rest.firstIndex(of: "=") else { return row }
            let key = rest[rest.index(rest.startIndex, offsetBy: 5)..<equals].lowercased()
            rest = rest[rest.index(after: equals)...]
            guard rest.first == "'" else { return row }
            rest = rest.dropFirst()
            // The value ends at a quote followed by a blank or the end of the line.
            var end = rest.startIndex
            while end < rest.endIndex {
                if rest[end] == "'" {
                    let next = rest.index(after: end)
                    if next == rest.endIndex || rest[next] == " " || rest[next] == "\t" { break }
                }
                end = rest.index(after: end)
            }
            guard end < rest.endIndex else { return row }
            row[key] = String(rest[rest.startIndex..<end])
            rest = rest[rest.index(after: end)...]
        }
    }
}
