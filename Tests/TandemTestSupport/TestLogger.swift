import Foundation
import TandemCore

/// The one logger of the test process. libqb keeps its targets process-wide, and every test
/// target runs in one process: a second `Logger.open` would send every suite's lines to its
/// own file, so tests that read what was logged would miss them.
public enum TestLogger {
    /// Debug lines included; tests read it with `lines(containing:)`.
    public static let file = NSTemporaryDirectory() + "tandem-tests-\(UUID().uuidString.prefix(8)).log"

    public static let shared = Logger.open(tag: "tandem-tests",
                                           settings: LogSettings(facilityName: nil, file: file, debug: true),
                                           stderrIsTerminal: false)

    /// The lines logged so far that contain `text`.
    public static func lines(containing text: String) -> [Substring] {
        ((try? FixturePaths.read(file)) ?? "").split(separator: "\n").filter { $0.contains(text) }
    }
}
