// /proc/drbd → the common model. DRBD 8.4 has one peer per resource and no node ids, so the
// peer is reported as drbd-utils 9 reports it over events2: `peer-node-id:0 conn-name:peer`.

extension DRBDProcStatus {
    /// The peer node id given to the single 8.x peer (as drbd-utils 9 does).
    public static let legacyPeerNodeID = 0
    /// The connection name given to the single 8.x peer (as drbd-utils 9 does).
    public static let legacyConnectionName = "peer"

    /// The state of resource `name`, built from its minors.
    ///
    /// A minor not listed (or `Unconfigured`) while others are up — e.g. between `new-minor`
    /// calls during start — becomes a `Diskless` device with an `Off`/`DUnknown` peer, so no
    /// "all disks UpToDate" question can come out true for a half-configured resource.
    ///
    /// - Parameters:
    ///   - name: the resource name (for the model only; /proc/drbd does not know it).
    ///   - minors: its minors in volume order (`drbdadm sh-minor RES`); volume numbers are their indices.
    /// - Returns: the resource; `DRBDResource.unconfigured(named:)` when none of its minors is configured.
    public func resource(named name: String, minors: [Int]) -> DRBDResource {
        let shown = minors.map { minor($0) }
        let present = shown.compactMap { $0 }
        guard let first = present.first else { return .unconfigured(named: name) }
        // 8.4 roles are per resource, but 8.3 had them per minor: any Primary minor makes it Primary.
        let role: DRBDRole = present.contains { $0.role == .primary } ? .primary
            : present.contains { $0.role == .secondary } ? .secondary : .unknown
        let peerRole: DRBDRole = present.contains { $0.peerRole == .primary } ? .primary : first.peerRole
        var devices: [DRBDDevice] = []
        var peerDevices: [DRBDPeerDevice] = []
        for (volume, number) in minors.enumerated() {
            guard let minor = shown[volume] else {
                devices.append(DRBDDevice(volume: volume, minor: number, disk: .diskless))
                peerDevices.append(DRBDPeerDevice(volume: volume, replication: .off, peerDisk: .unknown))
                continue
            }
            devices.append(DRBDDevice(
                volume: volume, minor: number, disk: minor.disk, readKiB: minor.diskReadKiB,
                writtenKiB: minor.diskWriteKiB, activityLogWrites: minor.activityLogUpdates,
                bitmapWrites: minor.bitmapUpdates, upperPending: minor.applicationPending,
                lowerPending: minor.localPending))
            peerDevices.append(DRBDPeerDevice(
                volume: volume, replication: minor.replication, peerDisk: minor.peerDisk,
                receivedKiB: minor.networkReceiveKiB, sentKiB: minor.networkSendKiB,
                outOfSyncKiB: minor.outOfSyncKiB, pending: minor.pending, unacked: minor.unacked,
                sync: minor.sync))
        }
        let connection = DRBDConnection(
            peerNodeID: Self.legacyPeerNodeID, name: Self.legacyConnectionName, state: first.connection,
            peerRole: peerRole, peerDevices: peerDevices)
        var resource = DRBDResource(
            name: name, role: role, suspended: present.contains { $0.isSuspended },
            writeOrdering: first.writeOrdering, connections: [connection], devices: devices)
        resource.unrecognizedWords = present.flatMap(\.unrecognizedWords)
        return resource
    }
}
