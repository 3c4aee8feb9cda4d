import Foundation
import Glibc
import Testing
import TandemCore
import TandemTestSupport
@testable import drbd

/// The minors cache: what the real `drbdadm sh-minor` prints, and the state file.
@Suite struct DRBDMinorsTests {
    static func shMinor(_ resource: String, _ scratch: DRBDControlTests.Scratch) throws -> CommandResult {
        try TestCommands.run("drbdadm", ["-c", scratch.configuration, "sh-minor", resource])
    }

    @Test func realShMinorOutputOfOneAndTwoVolumes() throws {
        let scratch = try DRBDControlTests.Scratch()
        let one = try Self.shMinor("r0", scratch)
        #expect(one.succeeded, "\(one.summary)")
        #expect(DRBDMinors(resource: "r0", shMinorOutput: one.stdoutText)?.minors == [0])
        let two = try Self.shMinor("r2", scratch)
        #expect(DRBDMinors(resource: "r2", shMinorOutput: two.stdoutText)?.minors == [3, 7], "volume order")
        let undefined = try Self.shMinor("r9", scratch)
        #expect(!undefined.succeeded && undefined.stdoutText.isEmpty)
        #expect(DRBDMinors(resource: "r9", shMinorOutput: undefined.stdoutText) == nil)
    }

    @Test func anythingButMinorsIsRefused() {
        #expect(DRBDMinors(resource: "r0", shMinorOutput: "") == nil)
        #expect(DRBDMinors(resource: "r0", shMinorOutput: "0\nminor 1\n") == nil)
        #expect(DRBDMinors(resource: "r0", shMinorOutput: "-1\n") == nil)
    }

    @Test func cacheFileRoundTripAndMismatches() throws {
        let scratch = try DRBDControlTests.Scratch()
        let path = scratch.directory + "/state/tandem-drbd-p_drbd.minors"
        #expect(DRBDMinors.load(path, resource: "r2") == nil, "missing")
        try DRBDMinors(resource: "r2", minors: [3, 7]).save(path)  // the directory is created
        #expect(try FixturePaths.read(path) == "r2 3 7\n")
        #expect(DRBDMinors.load(path, resource: "r2") == DRBDMinors(resource: "r2", minors: [3, 7]))
        #expect(DRBDMinors.load(path, resource: "r0") == nil, "another resource's minors")
        for garbage in ["r2\n", "r2 3 x\n", ""] {
            try garbage.write(toFile: path, atomically: true, encoding: .utf8)
            #expect(DRBDMinors.load(path, resource: "r2") == nil, "\(garbage)")
        }
    }
}
