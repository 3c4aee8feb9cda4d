import Foundation
import Testing
import TandemCore
import TandemNetwork
import TandemTestSupport

/// Review item 10: floating-ip has no Cluster-IP, so a clone would put one address on every
/// node (or twice on one with clone-node-max=2). validate-all and start refuse it (6); stop
/// and monitor still deal with the address as it really is.
@Suite(.enabled(if: NamespaceLab.isRoot, "needs root for network namespaces"))
struct FloatingIPCloneTests {
    @Test func cloneIsRefusedAtValidateAndStartButStopAndMonitorStillWork() throws {
        let lab = try FloatingIPv4Tests.lab()
        defer { lab.remove() }
        let primitive = lab.agent(["ip": "10.30.0.70", "arp_bg": "false", "arp_count": "1"])
        for meta in [["clone_max": "2"], ["clone_max": "2", "clone_node_max": "2", "globally_unique": "true"]] {
            var clone = primitive
            clone.meta = meta
            for action in ["validate-all", "start"] {
                let outcome = try clone.run(action)
                #expect(outcome.code == 6, "\(action) \(meta): \(outcome)")
                #expect(outcome.exitReason()?.contains("floating-ip cannot be cloned") == true, "\(action) \(meta): \(outcome)")
            }
            #expect(try lab.addresses("10.30.0.70").isEmpty, "a refused start adds nothing")
            #expect(try clone.run("monitor").code == 7)
        }
        // The address is there (from a primitive start, or from before the resource became a clone).
        #expect(try primitive.run("start").code == 0)
        var clone = primitive
        clone.meta = ["clone_max": "2", "clone_node_max": "1"]
        #expect(try clone.run("monitor").code == 0, "a probe reports the real state, never 6")
        #expect(try clone.monitor().code == 0)
        #expect(try clone.run("stop").code == 0)
        #expect(try lab.addresses("10.30.0.70").isEmpty, "stop removes the address of a clone too")
        #expect(try clone.run("monitor").code == 7)
        #expect(try clone.run("stop").code == 0)
    }
}
