import Foundation
import Testing
import TandemTestSupport
@testable import TandemCore

@Suite struct CrmMonSourceTests {
    static let runner = CommandRunner(budget: OperationBudget(timeoutMilliseconds: 60_000))

    @Test(arguments: [
        (nil, CrmMonSource.OutputFormat.xml), ("3.0.14", .legacyXML), ("3.1.0", .legacyXML),
        ("3.2.0", .legacyXML), ("3.2", .legacyXML), ("3.2.1", .xml), ("3.3.0", .xml), ("3.10.0", .xml),
        ("3.16.1", .xml), ("3.20.5", .xml), ("4", .xml), ("garbage", .xml), ("", .xml),
    ] as [(String?, CrmMonSource.OutputFormat)])
    func outputFormatDecision(featureSet: String?, expected: CrmMonSource.OutputFormat) {
        #expect(CrmMonSource.outputFormat(forFeatureSet: featureSet) == expected)
    }

    @Test func commandIsArgvWithSbinDirectory() {
        let source = CrmMonSource(runner: Self.runner, featureSet: "3.0.14", sbinDirectory: "/usr/sbin")
        #expect(source.command.executable == "/usr/sbin/crm_mon")
        #expect(source.command.arguments == ["-1", "--as-xml"])
        let modern = CrmMonSource(runner: Self.runner, featureSet: "3.16.1")
        #expect(modern.command.executable == "crm_mon")
        #expect(modern.command.arguments == ["-1", "--output-as=xml"])
    }

    @Test(.enabled(if: CrmMonRendering.available, "needs crm_mon"), arguments: ["3.16.1", "3.1.0"])
    func fetchFromRealCrmMonWithCIBFile(featureSet: String) throws {
        let source = CrmMonSource(runner: Self.runner, featureSet: featureSet, sbinDirectory: "/usr/sbin",
                                  environment: ["CIB_file": FixturePaths.shared("crm_mon/cib-2node-ok.xml")])
        let status = try source.fetch()
        if featureSet == "3.1.0" {
            #expect(status.format == .legacy(pacemakerVersion: "2.1.5"))
        } else {
            #expect(status.format == .apiResult(apiVersion: "2.25"))
        }
        #expect(status.dcName == "node1")
        #expect(status.promotedNodes(of: "ms-stateful") == ["node2"])
        #expect(status.promotionScore(of: "stateful", on: "node1") == 5)
    }

    @Test func missingCrmMonCannotRun() {
        let source = CrmMonSource(runner: Self.runner, sbinDirectory: "/nonexistent/sbin")
        #expect(throws: CrmMonError.cannotRun(.notFound("/nonexistent/sbin/crm_mon"))) { try source.fetch() }
    }

    /// A stand-in crm_mon in a temporary HA_SBIN_DIR.
    static func fakeCrmMon(_ script: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("tandem-crmmon-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/crm_mon"
        try ("#!/bin/sh\n" + script + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return directory
    }

    @Test func exit102IsNotConnected() throws {
        let directory = try Self.fakeCrmMon("""
            echo '<crm_mon version="2.1.5"/>'
            echo 'crm_mon: Connection to cluster failed: Connection refused' >&2
            exit 102
            """)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let source = CrmMonSource(runner: Self.runner, featureSet: "3.0.14", sbinDirectory: directory)
        #expect {
            try source.fetch()
        } throws: { error in
            guard case .notConnected(let summary)? = error as? CrmMonError else { return false }
            return summary.contains("exit status 102") && summary.contains("Connection refused")
        }
    }

    @Test func otherExitIsCommandFailedWithSummary() throws {
        let directory = try Self.fakeCrmMon("echo 'crm_mon: invalid option' >&2; exit 64")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let source = CrmMonSource(runner: Self.runner, sbinDirectory: directory)
        #expect {
            try source.fetch()
        } throws: { error in
            guard case .commandFailed(let summary)? = error as? CrmMonError else { return false }
            return summary.contains("exit status 64") && summary.contains("invalid option")
        }
    }

    @Test func garbageOutputIsMalformed() throws {
        let directory = try Self.fakeCrmMon("echo '<pacemaker-result api-version=\"2.25\"><summary>'")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let source = CrmMonSource(runner: Self.runner, sbinDirectory: directory)
        #expect {
            try source.fetch()
        } throws: { error in
            if case .malformedXML? = error as? CrmMonError { return true }
            return false
        }
    }

    @Test func parseEntryPointsAgree() throws {
        let path = FixturePaths.shared("crm_mon/crm_mon-2node-ok.xml")
        let text = try FixturePaths.read(path)
        let fromFile = try CrmMonSource.parse(file: path)
        #expect(try CrmMonSource.parse(string: text) == fromFile)
        #expect(try CrmMonSource.parse(bytes: Array(text.utf8)) == fromFile)
        #expect(throws: CrmMonError.unreadable(path: "/nonexistent.xml", errno: ENOENT)) {
            try CrmMonSource.parse(file: "/nonexistent.xml")
        }
    }
}
