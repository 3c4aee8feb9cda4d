import Glibc

/// The process environment read once into a dictionary (the library's only `environ` reader).
public enum EnvironmentSnapshot {
    public static func current() -> [String: String] {
        var result: [String: String] = [:]
        var cursor = environ
        while let entry = cursor.pointee {
            let pair = String(cString: entry)
            if let equals = pair.firstIndex(of: "=") {
                let key = String(pair[..<equals])
                if result[key] == nil { result[key] = String(pair[pair.index(after: equals)...]) }
            }
            cursor += 1
        }
        return result
    }
}
