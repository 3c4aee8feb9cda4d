import Foundation
import Glibc
import Testing
import TandemCore
import TandemNetwork
import TandemTestSupport

/// Announcements as the peer sees them. Serialized: the spacing checks need a quiet CPU.
@Suite(.serialized, .enabled(if: NamespaceLab.isRoot, "needs root for network namespaces"))
struct FloatingIPWireTests {
    static let vip = "10.30.0.50"

    static func arp(_ lab: NamespaceLab) -> ([UInt8]) -> Bool {
        { bytes in ARPPacket(frame: bytes)?.senderProtocol.description == vip }
    }

    @Test func gratuitousARPRequestsCountSpacingAndFields() throws {
        let lab = try FloatingIPv4Tests.lab()
        defer { lab.remove() }
        let mac = try #require(try lab.link("eth0")?.hardwareAddress)
        let capture = try Capture(lab)
        let agent = lab.agent(["ip": Self.vip, "arp_bg": "false", "arp_count": "4", "arp_interval": "150"])
        #expect(try agent.run("start").code == 0)
        let frames = try capture.collect(5, within: 800, matching: Self.arp(lab))
        #expect(frames.count == 4)
        for frame in frames {
            let packet = try #require(ARPPacket(frame: frame.bytes))
            #expect(packet.operation == .request)
            #expect(packet.ethernetDestination == .broadcast && packet.ethernetSource == mac)
            #expect(packet.senderHardware == mac && packet.targetHardware == .broadcast)
            #expect(packet.senderProtocol.description == Self.vip && packet.targetProtocol.description == Self.vip)
        }
        for gap in Capture.gaps(frames) { #expect((130...450).contains(gap), "gap \(gap) ms for arp_interval=150") }
        #expect(try agent.run("stop").code == 0)
    }

    @Test func replyModeAndIPaddr2SendArpOpts() throws {
        let lab = try FloatingIPv4Tests.lab()
        defer { lab.remove() }
        let mac = try #require(try lab.link("eth0")?.hardwareAddress)
        let capture = try Capture(lab)
        for parameters in [["arp_mode": "reply"], ["send_arp_opts": "-A"]] {
            var agent = lab.agent(["ip": Self.vip, "arp_bg": "false", "arp_count": "2", "arp_interval": "50"])
            agent.parameters.merge(parameters) { $1 }
            #expect(try agent.run("start").code == 0)
            let frames = try capture.collect(2, within: 800, matching: Self.arp(lab))
            #expect(frames.count == 2, "\(parameters)")
            for frame in frames {
                let packet = try #require(ARPPacket(frame: frame.bytes))
                #expect(packet.operation == .reply && packet.targetHardware == mac && packet.senderHardware == mac)
            }
            #expect(try agent.run("stop").code == 0)
        }
    }

    @Test func backgroundAnnouncerSendsTheRestAfterStartReturned() throws {
        let lab = try FloatingIPv4Tests.lab()
        defer { lab.remove() }
        let capture = try Capture(lab)
        let agent = lab.agent(["ip": Self.vip, "arp_count": "4", "arp_interval": "300"])   // arp_bg defaults to true
        let began = MonotonicInstant.now()
        #expect(try agent.run("start").code == 0)
        let took = began.milliseconds(until: .now())
        #expect(took < 700, "start took \(took) ms; sending all four itself takes ≥ 900")
        let frames = try capture.collect(4, within: 2500, matching: Self.arp(lab))
        #expect(frames.count == 4)
        for gap in Capture.gaps(frames) { #expect((250...700).contains(gap), "gap \(gap) ms for arp_interval=300") }
        #expect(try agent.run("stop").code == 0)
    }

    @Test func stopEndsARunningAnnouncer() throws {
        let lab = try FloatingIPv4Tests.lab()
        defer { lab.remove() }
        let capture = try Capture(lab)
        let agent = lab.agent(["ip": Self.vip, "arp_count": "100", "arp_interval": "100"])
        #expect(try agent.run("start").code == 0)
        let pidFile = lab.stateDirectory + "/tandem-floating-ip-vip.announcer.pid"
        let pid = try #require(Int32(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingWhitespace()))
        #expect(Self.isLive(pid))
        #expect(try capture.collect(3, within: 1500, matching: Self.arp(lab)).count == 3)
        #expect(try agent.run("stop").code == 0)
        var gone = false
        for _ in 0..<50 where !gone {
            gone = !Self.isLive(pid)
            usleep(20_000)
        }
        #expect(gone, "the announcer ends with stop")
        #expect(!FileManager.default.fileExists(atPath: pidFile))
        _ = try capture.collect(100, within: 150, matching: Self.arp(lab))   // in flight
        #expect(try capture.collect(1, within: 500, matching: Self.arp(lab)).isEmpty, "no announcements after stop")
    }

    @Test func arpCountRefreshOnRecurringMonitorsOnly() throws {
        let lab = try FloatingIPv4Tests.lab()
        defer { lab.remove() }
        let capture = try Capture(lab)
        let agent = lab.agent(["ip": Self.vip, "arp_bg": "false", "arp_count": "1", "arp_count_refresh": "3",
                               "arp_interval": "50"])
        #expect(try agent.run("start").code == 0)
        #expect(try capture.collect(1, within: 500, matching: Self.arp(lab)).count == 1)
        #expect(try agent.monitor().code == 0)
        #expect(try capture.collect(4, within: 600, matching: Self.arp(lab)).count == 3)
        #expect(try agent.run("monitor").code == 0)   // a probe does not announce
        #expect(try capture.collect(1, within: 300, matching: Self.arp(lab)).isEmpty)
        #expect(try agent.run("stop").code == 0)
    }

    @Test func unsolicitedNeighbourAdvertisements() throws {
        let lab = try FloatingIPv6Tests.lab()
        defer { lab.remove() }
        let mac = try #require(try lab.link("eth0")?.hardwareAddress)
        let vip = try addr("2001:db8:30::50")
        let capture = try Capture(lab)
        let agent = lab.agent(["ip": vip.description, "arp_bg": "false", "arp_count": "3", "arp_interval": "100"])
        #expect(try agent.run("start").code == 0)
        let frames = try capture.collect(4, within: 800) { bytes in
            NeighborAdvertisement(frame: bytes).map { $0.target == vip && $0.ethernetSource == mac } ?? false
        }
        #expect(frames.count == 3)
        for frame in frames {
            let advert = try #require(NeighborAdvertisement(frame: frame.bytes))
            #expect(advert.checksumValid && advert.hopLimit == 255)
            #expect(advert.override && !advert.solicited && !advert.router)
            #expect(advert.source == vip && advert.destination.description == "ff02::1")
            #expect(advert.ethernetDestination.description == "33:33:00:00:00:01")
            #expect(advert.targetHardware == mac)
        }
        for gap in Capture.gaps(frames) { #expect((80...400).contains(gap), "gap \(gap) ms for arp_interval=100") }
        #expect(try agent.run("stop").code == 0)
    }

    /// Alive and not a zombie (pid 1 here may not reap orphans).
    static func isLive(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return !stat[stat.index(after: close)...].trimmingWhitespace().hasPrefix("Z")
    }
}
