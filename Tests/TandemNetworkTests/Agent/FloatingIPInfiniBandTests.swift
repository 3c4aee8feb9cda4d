import Testing
import TandemCore
@testable import floating_ip

/// Item 12c: IPaddr2 announces on IPoIB links with ipoibarping; floating-ip sends no IPoIB
/// announcements, so it refuses such a link (2, invalid on this host). No IPoIB link can be
/// made in a namespace here (no InfiniBand hardware, and the ipoib driver needs a real HCA),
/// so this tests the decision on the link's hardware type as a pure function; there is no
/// real part to use.
@Suite struct FloatingIPInfiniBandTests {
    @Test func infiniBandLinkIsRefusedWithoutIPoIBHardware() {
        let problem = Placement.hardwareProblem(interface: "ib0", hardwareType: 32)
        #expect(problem == "interface ib0 is InfiniBand (IPoIB): floating-ip sends no IPoIB announcements; use ocf:heartbeat:IPaddr2 there")
        let failure = Placement.Failure.unannounceable(problem ?? "")
        #expect(Session.exitCode(for: failure) == .invalidArgument)
    }

    @Test func ethernetLoopbackAndTunnelsAreAcceptedWithoutIPoIBHardware() {
        for type: UInt16 in [1, 772, 65534, 776, 778] {
            #expect(Placement.hardwareProblem(interface: "x", hardwareType: type) == nil, "type \(type)")
        }
    }
}
