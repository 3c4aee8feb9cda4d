/// `--watch [SECONDS]`: a `--watch` not followed by a number gets `seconds` inserted.
enum WatchArgument {
    static func withDefault(_ arguments: [String], seconds: Int) -> [String] {
        var result: [String] = []
        for (index, argument) in arguments.enumerated() {
            result.append(argument)
            if argument == "--" { return result + arguments[(index + 1)...] }
            guard argument == "--watch" else { continue }
            let next = index + 1 < arguments.count ? arguments[index + 1] : nil
            if next.flatMap({ Int($0) }) == nil { result.append(String(seconds)) }
        }
        return result
    }
}
