import Foundation
import Testing
import TandemTestSupport
@testable import TandemCore

/// The built artefacts as they get installed.
@Suite struct AgentBinaryTests {
    /// Release agents (what `make test` tests, through TANDEM_BIN_DIR) need nothing from the
    /// toolchain and do not load libxml2/libqb at exec (both are dlopen'ed when needed).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TANDEM_BIN_DIR"] != nil,
                   "checks the release build that make test points TANDEM_BIN_DIR at"))
    func releaseAgentsLinkOnlyLibc() throws {
        let result = try TestCommands.run("readelf", ["-d", TestCommands.binary("ocf-sample")])
        #expect(result.succeeded)
        let needed = result.stdoutText.split(separator: "\n").filter { $0.contains("(NEEDED)") }
            .compactMap { $0.split(separator: "[").last?.split(separator: "]").first.map(String.init) }
        #expect(Set(needed).isSubset(of: ["libc.so.6", "libm.so.6", "ld-linux-x86-64.so.2"]), "NEEDED: \(needed)")
        #expect(!result.stdoutText.contains("RPATH") && !result.stdoutText.contains("RUNPATH"))
    }

    @Test func makeInstallHonoursDestdirAndOcfRoot() throws {
        let destination = try TestCommands.temporaryDirectory("install")
        defer { TestCommands.removeDirectory(destination) }
        let root = FixturePaths.repositoryRoot.path
        let common = ["-s", "-C", root, "DESTDIR=\(destination)", "OCF_ROOT=/opt/ocf", "AGENTS=ocf-sample",
                      "BIN_DIR=\(TestCommands.binDirectory)"]
        let install = try TestCommands.run("make", common + ["install-files"])
        #expect(install.succeeded, "\(install.stderrText)")
        let installed = destination + "/opt/ocf/resource.d/tandem/ocf-sample"
        let attributes = try FileManager.default.attributesOfItem(atPath: installed)
        #expect((attributes[.posixPermissions] as? Int) == 0o755)
        let metadata = try TestCommands.run(installed, ["meta-data"])
        #expect(metadata.succeeded && metadata.stdoutText.contains("<resource-agent name=\"ocf-sample\""))
        let manPage = destination + "/usr/share/man/man7/ocf_tandem_ocf-sample.7"
        #expect(FileManager.default.fileExists(atPath: manPage))
        let uninstall = try TestCommands.run("make", common + ["uninstall"])
        #expect(uninstall.succeeded)
        #expect(!FileManager.default.fileExists(atPath: installed))
        #expect(!FileManager.default.fileExists(atPath: manPage))
    }
}
