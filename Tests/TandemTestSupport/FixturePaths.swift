import Foundation

/// Where test inputs live: the project's own `Tests/Fixtures` and the shared captures
/// in `../shared/fixtures` beside the checkout (CI clones the project next to it).
public enum FixturePaths {
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures/<relative>`.
    public static func project(_ relative: String) -> String {
        repositoryRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relative).path
    }

    /// `../shared/fixtures/<relative>`; `TANDEM_SHARED_FIXTURES` overrides the folder.
    public static func shared(_ relative: String) -> String {
        let base = ProcessInfo.processInfo.environment["TANDEM_SHARED_FIXTURES"]
            ?? repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures").path
        return URL(fileURLWithPath: base).appendingPathComponent(relative).path
    }

    /// Files directly in a shared fixture folder, sorted, with the given extension.
    public static func sharedFiles(in folder: String, withExtension ext: String) -> [String] {
        let directory = shared(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix("." + ext) }.sorted().map { directory + "/" + $0 }
    }

    public static func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }
}
