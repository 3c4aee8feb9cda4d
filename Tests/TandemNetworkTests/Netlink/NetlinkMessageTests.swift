import Testing
import TandemTestSupport
@testable import TandemNetwork

@Suite struct NetlinkMessageTests {
    @Test func attributesArePaddedAndRoundTrip() {
        var attributes = NetlinkAttributes()
        attributes.append(3, string: "eth0")          // 5 bytes → padded to 8
        attributes.append(8, integer: UInt32(0x200))
        attributes.append(1, [10, 0, 0, 1])
        let bytes = attributes.encoded()
        #expect(bytes.count == (4 + 8) + (4 + 4) + (4 + 4))
        #expect(Array(bytes[0..<4]) == [9, 0, 3, 0])    // rta_len 9 (host order, little-endian here), rta_type 3
        let decoded = NetlinkAttributes(decoding: bytes[...])
        #expect(decoded == attributes)
        #expect(decoded.string(3) == "eth0")
        #expect(decoded.integer(8, as: UInt32.self) == 0x200)
        #expect(decoded.first(1) == [10, 0, 0, 1])
        #expect(decoded.first(99) == nil)
    }

    @Test func truncatedAttributesStopDecoding() {
        let decoded = NetlinkAttributes(decoding: [8, 0, 1, 0, 1, 2, 3, 4, 200, 0, 2, 0, 9][...])
        #expect(decoded.entries.count == 1)
    }

    @Test func messagesRoundTripAndSplit() throws {
        let first = NetlinkMessage(type: NL.newAddress, flags: NL.multi, payload: [1, 2, 3, 4, 5, 6], sequence: 7, portID: 99)
        let second = NetlinkMessage(type: NL.done, flags: NL.multi, payload: [0, 0, 0, 0], sequence: 7, portID: 99)
        var wire = first.encoded()
        wire += [0, 0]   // padding to 4 bytes
        wire += second.encoded()
        let decoded = try NetlinkMessage.decodeAll(wire[...])
        #expect(decoded == [first, second])
    }

    @Test func badLengthIsMalformed() {
        var wire = NetlinkMessage(type: 20, flags: 0, payload: [1, 2, 3, 4]).encoded()
        wire[0] = 200
        #expect(throws: NetlinkError.self) { try NetlinkMessage.decodeAll(wire[...]) }
    }

    @Test func extendedAckTextIsRead() {
        // NLMSG_ERROR, capped, with TLVs: error -22, the original header, NLMSGERR_ATTR_MSG.
        var payload: [UInt8] = []
        payload.appendHostOrder(Int32(-22))
        payload += NetlinkMessage(type: NL.newAddress, flags: 0).encoded()
        var attributes = NetlinkAttributes()
        attributes.append(NL.errorMessageAttribute, string: "Invalid prefix length")
        payload += attributes.encoded()
        let message = NetlinkMessage(type: NL.error, flags: NL.capped | NL.ackTLVs, payload: payload)
        #expect(NetlinkSocket.errorCode(message) == -22)
        #expect(NetlinkSocket.extendedAckMessage(message) == "Invalid prefix length")
        let error = NetlinkError.kernel(operation: "add 10.0.0.1/33", code: 22, message: "Invalid prefix length")
        #expect(error.description.contains("Invalid argument"))
        #expect(error.description.hasSuffix("(Invalid prefix length)"))
    }

    @Test func addressRequestEncodesIPaddr2Options() throws {
        let request = AddressRequest(interface: InterfaceIndex(7), address: try addr("10.0.0.5"),
                                     prefixLength: 24, broadcast: IPAddress("10.0.0.255"), label: "eth0:vip",
                                     flags: [.noPrefixRoute])
        let message = request.message()
        #expect(message.type == NL.newAddress)
        #expect(message.flags == NL.create | NL.exclusive)
        #expect(Array(message.payload[0..<4]) == [2, 24, 0, 0])
        #expect(message.payload.hostOrder(UInt32.self, at: 4) == 7)
        let attributes = NetlinkAttributes(decoding: message.payload[8...])
        #expect(attributes.first(NL.addrLocal) == [10, 0, 0, 5])
        #expect(attributes.first(NL.addrBroadcast) == [10, 0, 0, 255])
        #expect(attributes.string(NL.addrLabel) == "eth0:vip")
        #expect(attributes.integer(NL.addrFlags, as: UInt32.self) == 0x200)
        #expect(attributes.first(NL.addrCacheInfo) == nil)
    }
}
