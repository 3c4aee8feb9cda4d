import Testing
import TandemCore
@testable import drbd

@Suite struct DRBDAgentTests {
    /// Only actions that may run drbdadm anyway re-learn the minors; a recurring monitor
    /// (and stop, promote, demote, notify) reads the cache.
    @Test func whoRefreshesTheMinors() {
        #expect(DRBDAgent.minorsRefresh(.monitor, isProbe: true) == .always)
        #expect(DRBDAgent.minorsRefresh(.monitor, isProbe: false) == .whenMissing)
        for action: ActionName in [.start, .reload, .validateAll] {
            #expect(DRBDAgent.minorsRefresh(action, isProbe: false) == .always, "\(action)")
        }
        for action: ActionName in [.stop, .promote, .demote, .notify] {
            #expect(DRBDAgent.minorsRefresh(action, isProbe: false) == .whenMissing, "\(action)")
        }
    }
}
