import Foundation

/// scripts/tools/iscsi-pattern (libiscsi: writes, verifies and holds sessions), built for the
/// tests into .build/tools (the Makefile builds the same for the demo).
public enum InitiatorTool {
    public static func build() throws -> String {
        let output = FixturePaths.repositoryRoot.appendingPathComponent(".build/tools/iscsi-pattern").path
        let source = FixturePaths.repositoryRoot.appendingPathComponent("scripts/tools/iscsi-pattern.c").path
        try FileManager.default.createDirectory(atPath: (output as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        // Each test process builds it once, into a file of its own, then moves it in place.
        let temporary = output + ".\(getpid())"
        try TestCommands.check("gcc", ["-O2", "-Wall", "-Wextra", "-Werror", "-o", temporary, source, "-liscsi"])
        guard rename(temporary, output) == 0 else { throw LabError("cannot move \(temporary) to \(output)") }
        return output
    }
}
