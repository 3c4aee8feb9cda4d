import Testing
import TandemCore

/// Every derived flag, for every row: a flag not listed in `expected` must be false.
@Suite struct DRBDResourceFlagsTests {
    enum Flag: String, CaseIterable, CustomStringConvertible {
        case primary, unconfigured, somePeerPrimary, localUpToDate, localConsistent, transitional
        case allPeersUpToDate, peerUnknown, somePeerUpToDate, disklessClient, quorum
        var description: String { rawValue }
    }

    struct Row: CustomTestStringConvertible, Sendable {
        let name: String
        let resource: DRBDResource
        let expected: Set<Flag>
        var testDescription: String { name }
    }

    /// A peer: its role and, per local volume, its disk (nil = no peer-device line) and client flag.
    struct Peer {
        var role: DRBDRole = .secondary
        var disks: [DiskState?]
        var client = false
    }

    static func resource(role: DRBDRole = .secondary, local: [DiskState], clients: Set<Int> = [],
                         quorum: [Bool?]? = nil, peers: [Peer]) -> DRBDResource {
        let devices = local.enumerated().map { volume, disk in
            DRBDDevice(volume: volume, minor: volume, disk: disk, isClient: clients.contains(volume),
                       quorum: quorum?[volume] ?? true)
        }
        let connections = peers.enumerated().map { id, peer in
            DRBDConnection(
                peerNodeID: id + 1, state: peer.disks.contains(where: { $0 == .unknown }) ? .connecting : .connected,
                peerRole: peer.role,
                peerDevices: peer.disks.enumerated().compactMap { volume, disk in
                    disk.map { DRBDPeerDevice(volume: volume, replication: .established, peerDisk: $0, peerClient: peer.client) }
                })
        }
        return DRBDResource(name: "r0", role: role, connections: connections, devices: devices)
    }

    static let upToDatePeer = Peer(disks: [.upToDate])
    static let always: Set<Flag> = [.quorum]

    static let rows: [Row] = [
        Row(name: "unconfigured", resource: .unconfigured(named: "r0"), expected: [.unconfigured, .quorum]),
        Row(name: "configured, no volumes, no peers", resource: resource(local: [], peers: []), expected: [.quorum]),
        Row(name: "Primary, 2-node all UpToDate",
            resource: resource(role: .primary, local: [.upToDate], peers: [upToDatePeer]),
            expected: [.primary, .localUpToDate, .localConsistent, .allPeersUpToDate, .somePeerUpToDate, .quorum]),
        Row(name: "Secondary under a Primary peer",
            resource: resource(local: [.upToDate], peers: [Peer(role: .primary, disks: [.upToDate])]),
            expected: [.somePeerPrimary, .localUpToDate, .localConsistent, .allPeersUpToDate, .somePeerUpToDate, .quorum]),
        Row(name: "UpToDate, peer DUnknown (StandAlone)",
            resource: resource(local: [.upToDate], peers: [Peer(role: .unknown, disks: [.unknown])]),
            expected: [.localUpToDate, .localConsistent, .peerUnknown, .quorum]),
        Row(name: "UpToDate, no peers at all", resource: resource(local: [.upToDate], peers: []),
            expected: [.localUpToDate, .localConsistent, .quorum]),
        Row(name: "Consistent", resource: resource(local: [.consistent], peers: [Peer(disks: [.unknown])]),
            expected: [.localConsistent, .peerUnknown, .quorum]),
        Row(name: "Attaching", resource: resource(local: [.attaching], peers: [upToDatePeer]),
            expected: [.transitional, .localConsistent, .allPeersUpToDate, .somePeerUpToDate, .quorum]),
        Row(name: "Negotiating", resource: resource(local: [.negotiating], peers: [upToDatePeer]),
            expected: [.transitional, .localConsistent, .allPeersUpToDate, .somePeerUpToDate, .quorum]),
        Row(name: "Inconsistent (SyncTarget)", resource: resource(local: [.inconsistent], peers: [upToDatePeer]),
            expected: [.allPeersUpToDate, .somePeerUpToDate, .quorum]),
        Row(name: "Outdated, peer DUnknown", resource: resource(local: [.outdated], peers: [Peer(disks: [.unknown])]),
            expected: [.peerUnknown, .quorum]),
        Row(name: "Failed", resource: resource(local: [.failed], peers: [upToDatePeer]),
            expected: [.allPeersUpToDate, .somePeerUpToDate, .quorum]),
        Row(name: "Detaching", resource: resource(local: [.detaching], peers: [upToDatePeer]),
            expected: [.allPeersUpToDate, .somePeerUpToDate, .quorum]),
        Row(name: "Diskless after detach (not a client)", resource: resource(local: [.diskless], peers: [upToDatePeer]),
            expected: [.allPeersUpToDate, .somePeerUpToDate, .quorum]),
        Row(name: "two volumes, one Inconsistent",
            resource: resource(local: [.upToDate, .inconsistent], peers: [Peer(disks: [.upToDate, .upToDate])]),
            expected: [.allPeersUpToDate, .somePeerUpToDate, .quorum]),
        Row(name: "two volumes, one Consistent",
            resource: resource(local: [.upToDate, .consistent], peers: [Peer(disks: [.upToDate, .upToDate])]),
            expected: [.localConsistent, .allPeersUpToDate, .somePeerUpToDate, .quorum]),
        Row(name: "peer with one of two volumes Outdated",
            resource: resource(local: [.upToDate, .upToDate], peers: [Peer(disks: [.upToDate, .outdated])]),
            expected: [.localUpToDate, .localConsistent, .quorum]),
        Row(name: "3-node: one peer UpToDate, one Outdated",
            resource: resource(local: [.upToDate], peers: [upToDatePeer, Peer(disks: [.outdated])]),
            expected: [.localUpToDate, .localConsistent, .somePeerUpToDate, .quorum]),
        Row(name: "3-node: one peer UpToDate, one DUnknown",
            resource: resource(local: [.outdated], peers: [upToDatePeer, Peer(role: .unknown, disks: [.unknown])]),
            expected: [.somePeerUpToDate, .peerUnknown, .quorum]),
        Row(name: "peer without a peer-device line for volume 1",
            resource: resource(local: [.upToDate, .upToDate], peers: [Peer(disks: [.upToDate, nil])]),
            expected: [.localUpToDate, .localConsistent, .peerUnknown, .quorum]),
        Row(name: "local diskless client, peers UpToDate",
            resource: resource(local: [.diskless], clients: [0], peers: [Peer(role: .primary, disks: [.upToDate])]),
            expected: [.disklessClient, .somePeerPrimary, .allPeersUpToDate, .somePeerUpToDate, .quorum]),
        Row(name: "one client volume, one diskful volume",
            resource: resource(local: [.diskless, .upToDate], clients: [0], peers: [Peer(disks: [.upToDate, .upToDate])]),
            expected: [.localUpToDate, .localConsistent, .allPeersUpToDate, .somePeerUpToDate, .quorum]),
        Row(name: "only peer is a diskless client",
            resource: resource(role: .primary, local: [.upToDate], peers: [Peer(disks: [.diskless], client: true)]),
            expected: [.primary, .localUpToDate, .localConsistent, .quorum]),
        Row(name: "diskless-client peer (disconnected) is ignored beside an UpToDate peer",
            resource: resource(local: [.upToDate], peers: [upToDatePeer, Peer(disks: [.unknown], client: true)]),
            expected: [.localUpToDate, .localConsistent, .allPeersUpToDate, .somePeerUpToDate, .quorum]),
        Row(name: "quorum lost on one of two volumes",
            resource: resource(local: [.upToDate, .upToDate], quorum: [true, false], peers: []),
            expected: [.localUpToDate, .localConsistent]),
        Row(name: "quorum lost on a client volume",
            resource: resource(local: [.diskless], clients: [0], quorum: [false], peers: [upToDatePeer]),
            expected: [.disklessClient, .allPeersUpToDate, .somePeerUpToDate]),
        Row(name: "no quorum information (8.4)",
            resource: resource(local: [.upToDate], quorum: [nil], peers: [upToDatePeer]),
            expected: [.localUpToDate, .localConsistent, .allPeersUpToDate, .somePeerUpToDate, .quorum]),
    ]

    static func flags(of r: DRBDResource) -> Set<Flag> {
        let values: [Flag: Bool] = [
            .primary: r.isPrimary, .unconfigured: r.isUnconfigured, .somePeerPrimary: r.somePeerPrimary,
            .localUpToDate: r.allLocalDisksUpToDate, .localConsistent: r.allLocalDisksConsistent,
            .transitional: r.isTransitional, .allPeersUpToDate: r.allPeerDisksUpToDate,
            .peerUnknown: r.anyPeerDiskUnknown, .somePeerUpToDate: r.somePeerHasAllDisksUpToDate,
            .disklessClient: r.isDisklessClient, .quorum: r.hasQuorum,
        ]
        return Set(values.filter(\.value).keys)
    }

    @Test(arguments: rows)
    func derivedFlags(row: Row) {
        let actual = Self.flags(of: row.resource)
        #expect(actual == row.expected, "unexpected: \(actual.subtracting(row.expected)), missing: \(row.expected.subtracting(actual))")
    }

    @Test func everyFlagIsBothTrueAndFalseSomewhere() {
        for flag in Flag.allCases {
            #expect(Self.rows.contains { $0.expected.contains(flag) }, "\(flag) never true")
            #expect(Self.rows.contains { !$0.expected.contains(flag) }, "\(flag) never false")
        }
    }

    @Test func perPeerQuestions() {
        let r = Self.resource(local: [.upToDate, .upToDate],
                              peers: [Peer(disks: [.upToDate, .upToDate]), Peer(disks: [.diskless, .diskless], client: true),
                                      Peer(disks: [.upToDate, .inconsistent])])
        #expect(r.connections.map { r.peerHasAllDisksUpToDate($0) } == [true, false, false])
        #expect(r.connections.map { r.isDisklessClientPeer($0) } == [false, true, false])
    }
}
