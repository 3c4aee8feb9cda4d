import Testing
import TandemCore
@testable import floating_ip

/// `nic` splits once into the name and IPaddr2's deprecated `:label`; the declaration's
/// check judges each part with its own reason.
@Suite struct NICTests {
    @Test func splitsAtTheFirstColon() {
        for (text, name, label) in [("eth0", "eth0", nil), ("eth0:vip", "eth0", "vip"), ("eth0:", "eth0", ""),
                                    ("eth0:a:b", "eth0", "a:b"), (":x", "", "x")] as [(String, String, String?)] {
            let nic = NIC(ocfText: text)
            #expect(nic?.name == name && nic?.label == label, "\(text)")
        }
        for text in ["eth0", "eth0:vip", "eth0:", ":x"] { #expect(NIC(ocfText: text)?.ocfText == text) }
    }

    @Test func theDeclarationChecksNameAndLabel() {
        let spec = FloatingIPDeclaration.nic.spec
        #expect(spec.problem(with: "eth0") == nil && spec.problem(with: "bond0.100:vip") == nil)
        #expect(spec.problem(with: "eth0@if3") == nil, "as ip link names a veth end")
        #expect(spec.problem(with: "../eth0") == "nic=\"../eth0\": is not an interface name")
        #expect(spec.problem(with: ":vip") == "nic=\":vip\": is not an interface name")
        #expect(spec.problem(with: "eth0;ls") == "nic=\"eth0;ls\": is not an interface name")
        #expect(spec.problem(with: "eth0:") == "nic=\"eth0:\": has an invalid label after ':'")
        #expect(spec.problem(with: "eth0:a:b") == "nic=\"eth0:a:b\": has an invalid label after ':'")
    }
}
