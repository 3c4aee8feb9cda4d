import Testing
import TandemCore
@testable import tandem

/// corosync.conf as `pcs cluster setup --corosync_conf` writes it.
@Suite struct CorosyncQuorumTests {
    @Test func pcsTwoNodeCluster() throws {
        let text = String(decoding: try #require(FileContents.read(DoctorFixture.path("corosync-two-node.conf"))), as: UTF8.self)
        #expect(CorosyncQuorum(configuration: text) == CorosyncQuorum(twoNode: true, nodeCount: 2))
    }

    @Test func withoutTwoNode() throws {
        let text = String(decoding: try #require(FileContents.read(DoctorFixture.path("corosync-no-two-node.conf"))), as: UTF8.self)
        #expect(CorosyncQuorum(configuration: text) == CorosyncQuorum(twoNode: false, nodeCount: 2))
    }
}
