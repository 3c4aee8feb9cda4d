import Foundation
import Testing
import TandemTestSupport
@testable import TandemCore

/// The version is written once, in debian/changelog; `make version` copies it into
/// TandemVersion.swift, and every agent shows it.
@Suite struct TandemVersionTests {
    /// `tandem (0.1.0) unstable; urgency=medium` → 0.1.0, as dpkg-parsechangelog reads it.
    static func changelogVersion() throws -> String? {
        let path = FixturePaths.repositoryRoot.appendingPathComponent("debian/changelog").path
        let first = try FixturePaths.read(path).split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
        guard first.hasPrefix("tandem ("), let close = first.firstIndex(of: ")") else { return nil }
        return String(first[first.index(first.startIndex, offsetBy: "tandem (".count)..<close])
    }

    @Test func generatedConstantMatchesDebianChangelog() throws {
        let version = try Self.changelogVersion()
        #expect(version == TandemVersion.current,
                "debian/changelog says \(version ?? "nothing"), TandemVersion.swift \(TandemVersion.current): run `make version`")
    }

    @Test func versionIsADebianNativeVersion() {
        // A native package: no Debian revision, and only what a Debian version may hold.
        let allowed = Set("0123456789abcdefghijklmnopqrstuvwxyz.+~")
        #expect(TandemVersion.current.first?.isNumber == true)
        #expect(TandemVersion.current.allSatisfy { allowed.contains($0) }, "\(TandemVersion.current)")
    }

    @Test(arguments: ["drbd", "floating-ip", "lvm", "iscsi-target", "ocf-sample"])
    func everyAgentShowsItInMetadataAndManPage(agent: String) throws {
        let metadata = try AgentInvocation(agent).run("meta-data")
        #expect(metadata.code == 0)
        #expect(metadata.stdout.contains("<resource-agent name=\"\(agent)\" version=\"\(TandemVersion.current)\">"))
        let manPage = try AgentInvocation(agent).run("--man-page")
        #expect(manPage.code == 0)
        #expect(manPage.stdout.split(separator: "\n").first?.contains("\"Tandem \(TandemVersion.current)\"") == true,
                "\(manPage.stdout.prefix(120))")
    }
}
