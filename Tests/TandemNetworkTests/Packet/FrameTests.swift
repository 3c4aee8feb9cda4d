import Testing
import TandemTestSupport
@testable import TandemNetwork

@Suite struct FrameTests {
    let mac = MACAddress(bytes: [0x02, 0x00, 0x5e, 0x10, 0x20, 0x30])!

    @Test func gratuitousARPRequestLooksLikeArpingU() throws {
        let address = try addr("192.0.2.10")
        let frame = ARPPacket.announcement(of: address, at: mac, as: .request).frame()
        #expect(frame.count == 60)
        #expect(Array(frame[0..<14]) == [0xff, 0xff, 0xff, 0xff, 0xff, 0xff] + mac.bytes + [0x08, 0x06])
        #expect(Array(frame[14..<22]) == [0, 1, 0x08, 0x00, 6, 4, 0, 1])
        #expect(Array(frame[22..<42]) == mac.bytes + [192, 0, 2, 10] + [0xff, 0xff, 0xff, 0xff, 0xff, 0xff] + [192, 0, 2, 10])
        let parsed = try #require(ARPPacket(frame: frame))
        #expect(parsed == ARPPacket.announcement(of: address, at: mac, as: .request))
    }

    @Test func gratuitousARPReplyLooksLikeArpingA() throws {
        let address = try addr("192.0.2.10")
        let parsed = try #require(ARPPacket(frame: ARPPacket.announcement(of: address, at: mac, as: .reply).frame()))
        #expect(parsed.operation == .reply)
        #expect(parsed.targetHardware == mac)
        #expect(parsed.ethernetDestination == .broadcast)
    }

    @Test func neighbourAdvertisementHasAValidChecksumAndTheOptions() throws {
        let address = try addr("2001:db8::10")
        let frame = NeighborAdvertisement.announcement(of: address, at: mac).frame()
        #expect(frame.count == 14 + 40 + 32)
        #expect(Array(frame[0..<6]) == [0x33, 0x33, 0, 0, 0, 1])
        let parsed = try #require(NeighborAdvertisement(frame: frame))
        #expect(parsed.checksumValid)
        #expect(parsed.hopLimit == 255 && parsed.override && !parsed.solicited && !parsed.router)
        #expect(parsed.source == address && parsed.target == address)
        #expect(parsed.destination.description == "ff02::1")
        #expect(parsed.targetHardware == mac)
        var corrupted = frame
        corrupted[70] ^= 0x01
        #expect(NeighborAdvertisement(frame: corrupted)?.checksumValid == false)
    }

    @Test func otherFramesAreNotParsed() {
        #expect(ARPPacket(frame: [UInt8](repeating: 0, count: 60)) == nil)
        #expect(NeighborAdvertisement(frame: [UInt8](repeating: 0, count: 90)) == nil)
    }
}
