import Testing
import TandemCore
import TandemTestSupport
@testable import tandem

/// This node's DRBD from the storage lab's captures (DRBD 8.4.11): /proc/drbd named through
/// the drbd agent's minors files, and events2 of the same states.
@Suite struct LocalDRBDReaderTests {
    static func capture(_ state: String, _ file: String) throws -> String {
        try FixturePaths.read(FixturePaths.project("drbd-lab/\(state)/\(file)"))
    }

    static func reader(minorsFiles: [String: String]) throws -> (LocalDRBDReader, String) {
        let directory = try TestCommands.temporaryDirectory("drbd-minors")
        for (name, content) in minorsFiles {
            try FileContents.writeAtomically(directory + "/" + name, Array(content.utf8))
        }
        return (LocalDRBDReader(procPath: "/nonexistent", versionPath: "/nonexistent", stateDirectory: directory), directory)
    }

    @Test func procDRBDNamedByTheAgentsMinorsFile() throws {
        let (reader, directory) = try Self.reader(minorsFiles: ["tandem-drbd-p_drbd.minors": "r0 0\n", "unrelated": "x"])
        defer { TestCommands.removeDirectory(directory) }
        let drbd = reader.procDRBD(try Self.capture("resync", "s2.proc-drbd.txt"), version: "8.4.11")
        let resource = try #require(drbd.list.first)
        #expect(drbd.list.count == 1)
        #expect(resource.displayName == "r0")
        #expect(resource.state.role == .secondary)
        let peer = try #require(resource.state.connections.first?.peerDevices.first)
        #expect(peer.replication == .syncTarget)
        #expect(peer.sync?.donePercent != nil)
        #expect(peer.sync?.finishSeconds == 214)
        let report = StatusReport(cluster: nil, clusterError: nil, local: StatusReport.LocalState(
            nodeName: "s2", drbd: drbd, volumeGroups: []))
        #expect(StatusText(report: report, terminal: .plain).render()
                .contains("    volume 0 (drbd0)  Inconsistent/UpToDate  SyncTarget 3.2% ETA 0:03:34\n"))
        let problems = DRBDProblems(drbd).all
        #expect(problems.map(\.severity) == [.info, .info])
        #expect(problems.first?.message == "r0 volume 0: disk Inconsistent (resync running)")
    }

    @Test func unnamedMinorWithoutMinorsFile() throws {
        let (reader, directory) = try Self.reader(minorsFiles: [:])
        defer { TestCommands.removeDirectory(directory) }
        let drbd = reader.procDRBD(try Self.capture("split-brain", "s1.proc-drbd.txt"), version: "8.4.11")
        #expect(drbd.list.map(\.displayName) == ["minor 0"])
        #expect(DRBDProblems(drbd).all.map(\.severity) == [.error])
        #expect(DRBDProblems(drbd).all.first?.message.hasPrefix("minor 0: StandAlone from peer") == true)
    }

    @Test func events2OfADisconnectedPrimary() throws {
        let drbd = LocalDRBDReader.events2(try Self.capture("disconnected", "s1.events2.txt"), version: "8.4.11")
        let resource = try #require(drbd.list.first)
        #expect(resource.name == "r0")
        #expect(resource.state.role == .primary)
        #expect(DRBDProblems(drbd).all.map(\.severity) == [.warning])
    }

    /// DRBD 9 with three nodes: peers by name, progress from events2's `done:`, no ETA.
    @Test func events2ResyncWithTwoPeers() throws {
        let text = try FixturePaths.read(FixturePaths.project("drbd9/handwritten-resync-target.events2.txt"))
        let report = StatusReport(cluster: nil, clusterError: "not asked", local: StatusReport.LocalState(
            nodeName: "alpha2", drbd: LocalDRBDReader.events2(text, version: "9.2.4"), volumeGroups: []))
        let rendered = StatusText(report: report, terminal: .plain).render()
        #expect(rendered.contains("alpha2 Secondary"))
        #expect(rendered.contains("alpha1 Primary Connected, alpha3 Secondary Connected"))
        #expect(rendered.contains("Inconsistent/UpToDate  SyncTarget 62.2%\n"))
        #expect(rendered.contains("Inconsistent/UpToDate  PausedSyncT\n"))
        #expect(report.problems.first?.message == "not asked")
    }

    @Test func connectedIsQuiet() throws {
        let drbd = LocalDRBDReader.events2(try Self.capture("connected", "s1.events2.txt"), version: "8.4.11")
        #expect(DRBDProblems(drbd).all.isEmpty)
    }

    @Test func notLoadedWithoutProcDRBD() throws {
        let (reader, directory) = try Self.reader(minorsFiles: [:])
        defer { TestCommands.removeDirectory(directory) }
        #expect(reader.read(runner: TestCommands.runner()) == .notLoaded)
    }

    @Test func etaFormatting() {
        #expect(StatusText.progress(DRBDSyncProgress(donePercent: 42.46, finishSeconds: 3725), resyncing: true)
                == " 42.5% ETA 1:02:05")
        #expect(StatusText.progress(DRBDSyncProgress(donePercent: 42.46), resyncing: false) == "")
    }
}
