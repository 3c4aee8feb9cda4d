import Foundation
import Glibc
import Testing
import TandemCore
import TandemTestSupport
@testable import drbd

/// `DRBDControl.state()` end to end on a host without DRBD: its /proc/drbd path is pointed at
/// a /proc/drbd captured from real DRBD 8.4.11 in the storage lab (a test double reproducing
/// real output), the minors come from the real `drbdadm sh-minor` on a generated configuration.
@Suite(.serialized) struct DRBDControlTests {
    /// The test process's one logger (libqb's targets are process-wide).
    static var logger: Logger { TestLogger.shared }

    static func logLines(containing text: String) -> [Substring] { TestLogger.lines(containing: text) }

    /// A scratch directory with a DRBD configuration for this host: r0 as in the storage lab
    /// (minor 0), r2 with two volumes (minors 3 and 7).
    final class Scratch {
        let directory: String
        let configuration: String
        init() throws {
            directory = try TestCommands.temporaryDirectory("drbd-control")
            configuration = directory + "/drbd.conf"
            let host = ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "localhost"
            func on(_ name: String, _ address: String, _ body: String) -> String {
                "on \(name) { \(body) address ipv4 \(address); }"
            }
            let r0 = "device /dev/drbd0 minor 0; disk /dev/vdb; meta-disk internal;"
            let r2 = "volume 0 { device minor 3; disk /dev/vdc; meta-disk internal; } "
                + "volume 1 { device minor 7; disk /dev/vdd; meta-disk internal; }"
            let text = """
                global { usage-count no; }
                resource r0 {
                    \(on(host, "192.0.2.1:7789", r0))
                    \(on("tandem-peer", "192.0.2.2:7789", r0))
                }
                resource r2 {
                    \(on(host, "192.0.2.1:7790", r2))
                    \(on("tandem-peer", "192.0.2.2:7790", r2))
                }
                """
            try text.write(toFile: configuration, atomically: true, encoding: .utf8)
        }
        deinit { TestCommands.removeDirectory(directory) }

        var minorsCache: String { directory + "/tandem-drbd-p_drbd.minors" }

        /// A control reading `scenario/node`'s captured /proc/drbd, with no drbdsetup-84 unless given.
        func control(_ resource: String = "r0", capture: String = "connected/s1",
                     refresh: DRBDMinors.Refresh = .whenMissing, configuration: String? = nil,
                     drbdsetup84: String? = nil) -> DRBDControl {
            DRBDControl(resource: resource, configuration: configuration ?? self.configuration,
                        runner: TestCommands.runner(), logger: DRBDControlTests.logger, minorsCache: minorsCache,
                        minorsRefresh: refresh,
                        module: DRBDModule(procPath: FixturePaths.project("drbd-lab/\(capture).proc-drbd.txt"),
                                           versionPath: nil),
                        drbdsetup84: { drbdsetup84 })
        }
    }

    @Test func capturedProcDRBDIsReadWhenDrbdsetup84IsMissing() throws {
        let scratch = try Scratch()
        let control = scratch.control()
        #expect(control.module.version == DottedVersion("8.4.11"))
        #expect(control.source(moduleVersion: control.module.version) == .procDRBD)
        let primary = try control.state()
        #expect(primary.isConfigured && primary.isPrimary && primary.allPeerDisksUpToDate)
        #expect(DRBDAgent.observedRole(of: primary).monitorResult == .runningPromoted)
        // The minors came from the real drbdadm and are cached for the next invocations.
        #expect(DRBDMinors.load(scratch.minorsCache, resource: "r0") == DRBDMinors(resource: "r0", minors: [0]))

        let secondary = try scratch.control(capture: "connected/s2").state()
        #expect(secondary.isConfigured && !secondary.isPrimary)
        #expect(DRBDAgent.observedRole(of: secondary).monitorResult == .success)
    }

    /// A recurring monitor with the cache runs nothing: with an unreadable configuration any
    /// drbdadm call would fail, and the state is read all the same.
    @Test func recurringMonitorWithTheCacheRunsNoDrbdadm() throws {
        let scratch = try Scratch()
        // A name of its own, so that its log line is told apart from the other tests'.
        try DRBDMinors(resource: "r0-cached", minors: [0]).save(scratch.minorsCache)
        let control = scratch.control("r0-cached", configuration: scratch.directory + "/missing.conf")
        #expect(try control.state().isPrimary)
        #expect(try control.state().isPrimary)
        let said = Self.logLines(containing: "r0-cached: state from \(control.module.procPath), minors 0 (from the cache)")
        #expect(said.count == 1 && said.first?.contains("DEBUG:") == true, "once per invocation: \(said)")
    }

    /// drbd-utils' drbdsetup-83 is a real drbdsetup without events2: standing in for
    /// drbdsetup-84 on a kernel that does not answer events2, it fails without naming the
    /// resource, and the state comes from /proc/drbd; said once, not at every read.
    @Test func unsupportedEvents2FallsBackToProcDRBDOnce() throws {
        let tool = "/usr/lib/drbd/drbdsetup-83"
        try #require(access(tool, X_OK) == 0, "drbd-utils 9 installs \(tool)")
        let scratch = try Scratch()
        let control = scratch.control(capture: "connected/s2", drbdsetup84: tool)
        #expect(control.source(moduleVersion: control.module.version) == .events2(tool: tool))
        let first = try control.state()
        #expect(control.memo.events2Unsupported)
        #expect(control.source(moduleVersion: control.module.version) == .procDRBD, "no second events2 run")
        #expect(try control.state() == first)
        let said = Self.logLines(containing: "r0: \(tool) events2 does not work with DRBD 8.4.11 here")
        #expect(said.count == 1 && said.first?.contains("INFO:") == true, "\(said)")
        #expect(first.isConfigured && first.role == .secondary && first.somePeerPrimary)
        #expect(DRBDAgent.observedRole(of: first).monitorResult == .success)
    }

    @Test func resourceWithNoListedMinorIsDown() throws {
        let scratch = try Scratch()
        try DRBDMinors(resource: "r0", minors: [5]).save(scratch.minorsCache)
        let down = try scratch.control().state()
        #expect(down == .unconfigured(named: "r0"))
        #expect(DRBDAgent.observedRole(of: down).monitorResult == .notRunning)
        #expect(PromotionScorePolicy(levels: .standard, peerPrimary: .never).decide(for: down) == .remove)
    }

    /// Volume 1 not (yet) up while volume 0 is: the resource runs, but has no promotable data.
    @Test func volumeMissingFromProcDRBDIsNotConfigured() throws {
        let scratch = try Scratch()
        try DRBDMinors(resource: "r0", minors: [0, 1]).save(scratch.minorsCache)
        let half = try scratch.control().state()
        #expect(half.isConfigured && half.isPrimary)
        #expect(half.devices.map(\.disk) == [.upToDate, .diskless])
        #expect(half.connections.first?.peerDevices.map(\.peerDisk) == [.upToDate, .unknown])
        #expect(DRBDAgent.observedRole(of: half).monitorResult == .runningPromoted)
        #expect(PromotionScorePolicy(levels: .standard, peerPrimary: .never).decide(for: half) == .remove)
    }

    @Test func withoutTheModuleNothingIsRead() throws {
        let scratch = try Scratch()
        let control = DRBDControl(resource: "r0", configuration: scratch.configuration, runner: TestCommands.runner(),
                                  logger: Self.logger, minorsCache: scratch.minorsCache,
                                  module: DRBDModule(procPath: scratch.directory + "/no-proc-drbd", versionPath: nil),
                                  drbdsetup84: { nil })
        #expect(try control.state() == .unconfigured(named: "r0"))
        #expect(access(scratch.minorsCache, F_OK) != 0, "no sh-minor without a module")
    }
}
