import Testing
import TandemTestSupport
@testable import iscsi_target

/// tgtd's show output as captured from tgt 1.0.85 (scripts/capture-tgt-fixtures).
@Suite struct TgtTargetListTests {
    @Test func targetsLUNsAccountsAndACLs() throws {
        let list = TgtTargetList(parsing: try FixturePaths.read(FixturePaths.project("tgt/show-target.txt")))
        #expect(list.targets.map(\.tid) == [3, 4])
        let target = try #require(list.target(tid: 3))
        #expect(target.name == "iqn.2026-01.org.example:cap" && target.isReady)
        #expect(target.luns.map(\.number) == [0, 1, 2] && target.dataLUNs.map(\.number) == [1, 2])
        #expect(target.luns[0].backingPath == nil && target.luns[0].type == "controller")
        #expect(target.luns[1] == TgtTargetList.LUN(number: 1, type: "disk", scsiID: "p_target_lun1", scsiSerial: "5e1f00aa01",
                                                    online: true, backingType: "rdwr", backingPath: "/tmp/tgtcap/disk1",
                                                    backingFlags: "sync"))
        #expect(target.luns[2].backingFlags == "" && target.luns[2].scsiID == "IET     00030002")
        #expect(target.incomingUsers == ["alice"] && target.outgoingUsers == ["bob"])
        #expect(target.acl == ["ALL", "iqn.2026-01.org.example:client"])
        #expect(target.nexuses.isEmpty)
        let other = try #require(list.target(named: "iqn.2026-01.org.example:other"))
        #expect(other.acl.isEmpty && other.incomingUsers.isEmpty && other.dataLUNs.isEmpty)
    }

    @Test func sessionsWithTheirConnections() throws {
        let list = TgtTargetList(parsing: try FixturePaths.read(FixturePaths.project("tgt/show-target-session.txt")))
        let target = try #require(list.target(tid: 4))
        #expect(target.nexuses == [TgtTargetList.Nexus(id: 1, initiator: "iqn.2026-01.org.example:holder", connections: [0])])
        let state = TgtBackend.state(of: target)
        #expect(state.sessions == 1 && state.openToAll && state.luns.map(\.number) == [1])
    }

    @Test func unknownLinesAndEmptyOutputAreHarmless() {
        #expect(TgtTargetList(parsing: "").targets.isEmpty)
        let list = TgtTargetList(parsing: "Target 7: iqn.2026-01.org.example:x\n    Something new:\n        Key: value\n")
        #expect(list.targets.count == 1 && list.targets[0].state == "")
    }
}
