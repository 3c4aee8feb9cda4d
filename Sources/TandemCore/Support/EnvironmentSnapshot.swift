import Glibc

/// The process environment read once into a dictionary (the library's only `environ` reader).
public enum EnvironmentSnapshot {
    public static func current() -> [String: String] {
        var result: [String: String] = [:]
        var cursor = environ
        while let entry = cursor.pointee {
            // Split at the first "=" by bytes (a Character search costs more than the whole monitor).
            let pair = String(cString: entry)
            if let equals = pair.utf8.firstIndex(of: UInt8(ascii: "=")) {
                let key = String(pair[..<equals])
                if result[key] == nil { result[key] = String(pair[pair.utf8.index(after: equals)...]) }
            }
            cursor += 1
        }
        return result
    }
}
