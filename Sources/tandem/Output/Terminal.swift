import Glibc

/// How text output is styled: ANSI colour only on a terminal, never with `NO_COLOR` set
/// (https://no-color.org: any non-empty value) or `TERM=dumb`.
struct Terminal: Sendable {
    let colors: Bool
    /// Redraws in place (`--watch`) by moving the cursor home instead of scrolling.
    let isInteractive: Bool

    static let plain = Terminal(colors: false, isInteractive: false)

    /// Decided once from standard output and the environment.
    static func standardOutput(environment: [String: String]) -> Terminal {
        let tty = isatty(STDOUT_FILENO) == 1
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let dumb = environment["TERM"] == "dumb"
        return Terminal(colors: tty && !noColor && !dumb, isInteractive: tty && !dumb)
    }

    enum Style: String {
        case red = "31"
        case yellow = "33"
        case green = "32"
        case bold = "1"
        case dim = "2"
    }

    func paint(_ text: String, _ style: Style) -> String {
        colors ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// Cursor home, then the frame, each line cleared to its end, then the rest of the screen.
    static func redraw(_ frame: String) -> String {
        let lines = frame.split(separator: "\n", omittingEmptySubsequences: false)
        return "\u{1B}[H" + lines.joined(separator: "\u{1B}[K\n") + "\u{1B}[J"
    }
}
