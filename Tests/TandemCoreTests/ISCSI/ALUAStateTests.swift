import Testing
import TandemCore

@Suite struct ALUAStateTests {
    /// LIO's numbers (target_core_alua.h) and SCST's names (scst_tg.c) for each state.
    @Test func lioNumbersAndSCSTNames() {
        #expect(ALUAState.allCases.map(\.lioNumber) == [0, 1, 2, 3, 14, 15])
        #expect(ALUAState.allCases.map(\.scstName) == ["active", "nonoptimized", "standby", "unavailable", "offline", "transitioning"])
        #expect(ALUAState(lioNumber: 1) == .activeNonOptimized)
        #expect(ALUAState(lioNumber: 4) == nil, "LBA-dependent is never used")
        #expect(ALUAState.activeNonOptimized.isActive && !ALUAState.standby.isActive)
        #expect(ALUAUnpromotedState.standby.state == .standby && ALUAUnpromotedState.nonoptimized.state == .activeNonOptimized)
    }

    @Test func groupAssignmentsNameANodeAndAnIDFrom1To65535() {
        #expect(ALUAGroupAssignment("san-a=1").map { [$0.node, "\($0.groupID)"] } == ["san-a", "1"])
        #expect(ALUAGroupAssignment("node.example.com=65535")?.groupID == 65535)
        #expect(ALUAGroupAssignment("a=b=2")?.node == "a=b", "the last = separates")
        for bad in ["san-a=0", "san-a=65536", "=1", "san-a=", "san-a", "san-a=+1", "san-a=1.5", "san a=1", "s\u{7f}=1", "s=١"] {
            #expect(ALUAGroupAssignment(bad) == nil, "\(bad)")
        }
    }
}
