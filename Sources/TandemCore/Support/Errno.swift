import Glibc

/// errno helpers; the library reads `errno` only here.
public enum Errno {
    /// The calling thread's errno.
    public static var current: Int32 { errno }

    /// `strerror` text with the number, e.g. "No such file or directory (errno 2)".
    public static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return String(cString: text) + " (errno \(code))"
    }
}
