import Foundation
import Testing
import TandemCore
import TandemTestSupport

/// The built `tandem doctor`: exit status by severity, the text and the JSON.
@Suite struct DoctorCommandTests {
    static let binary = TestCommands.binary("tandem")

    static func doctor(_ arguments: [String]) throws -> (Int32, String, String) {
        let result = try TestCommands.run(binary, ["doctor"] + arguments, environment: ["NO_COLOR": "1"])
        guard case .exited(let code) = result.status else { throw LabError("tandem doctor: \(result.status)") }
        return (code, result.stdoutText, result.stderrText)
    }

    static func fixture(_ name: String) -> String { FixturePaths.project("doctor/" + name) }

    static func local(_ drbd: String = "drbd-a.conf") -> [String] {
        ["--drbd-conf", fixture(drbd), "--lvm-system-dir", fixture("lvm-filtered"),
         "--corosync-conf", fixture("corosync-two-node.conf")]
    }

    @Test func cleanExampleExitsZero() throws {
        let (code, output, _) = try Self.doctor(["--cib", Self.fixture("cluster-a.xml")] + Self.local())
        #expect(code == 0)
        #expect(output.hasSuffix("clean: 0 errors, 0 warnings, 0 notes\n"))
    }

    @Test func warningsExitOne() throws {
        let (code, output, _) = try Self.doctor(["--cib", Self.fixture("chain-order-optional.xml")] + Self.local())
        #expect(code == 1)
        #expect(output.contains("WARN   g_san is ordered after ms_drbd:promote only optionally (ord_drbd_before_san)  [chain-order-optional]"))
        #expect(output.contains("       why: "))
        #expect(output.contains("       fix: make ord_drbd_before_san Mandatory"))
    }

    @Test func errorsExitTwoWithJSON() throws {
        let (code, output, _) = try Self.doctor(["--cib", Self.fixture("notify-false.xml"), "--json"] + Self.local())
        #expect(code == 2)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "tandem-doctor/1")
        #expect(json["exitCode"] as? Int == 2)
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.map { $0["check"] as? String } == ["drbd-notify"])
        #expect(Set(findings.first?.keys.map { $0 } ?? []) == ["check", "severity", "subject", "message", "why", "fix"])
    }

    @Test func unreadableCIBExitsThree() throws {
        let (code, output, errors) = try Self.doctor(["--cib", "/nonexistent.xml"])
        #expect(code == 3)
        #expect(output.isEmpty)
        #expect(errors == "tandem doctor: cannot read the CIB: cannot read /nonexistent.xml\n")
    }

    /// Without --cib it asks cibadmin, which honours CIB_file as on a live node.
    @Test func liveCIBThroughCibadmin() throws {
        let result = try TestCommands.run(Self.binary, ["doctor", "--no-local"],
                                          environment: ["CIB_file": Self.fixture("stonith-disabled.xml"), "NO_COLOR": "1"])
        #expect(result.status == .exited(2))
        #expect(result.stdoutText.hasPrefix("cib: cibadmin -Q\n"))
        #expect(result.stdoutText.contains("[stonith-disabled]"))
    }
}
