/// Reads `drbdsetup status --json [RES]` (DRBD 9): an array of resource objects with
/// `devices[]` and `connections[].peer_devices[]`. Unknown members are ignored.
///
/// DRBD 8.4's drbdsetup answers `--json` with a usage text; that becomes
/// `DRBDStateError.statusJSONUnsupported`, so the caller can fall back to events2 or /proc/drbd.
public enum DRBDStatusJSONReader {
    /// Parses the output into one state per resource, in output order.
    ///
    /// - Parameter text: stdout (or, for the 8.4 case, what drbdsetup printed instead).
    /// - Returns: the resources; empty for `[]` (nothing configured).
    /// - Throws: `DRBDStateError` — `.emptyInput`, `.statusJSONUnsupported`, `.invalidJSON` with
    ///   the position, or a field error with its JSON path.
    public static func parse(_ text: String) throws(DRBDStateError) -> [DRBDResource] {
        let trimmed = text.trimmingWhitespace()
        guard let first = trimmed.first else { throw .emptyInput(.statusJSON) }
        if first != "[" && first != "{" && isUsageText(trimmed) {
            throw .statusJSONUnsupported(message: trimmed)
        }
        let document: JSONValue
        do {
            document = try JSONParser.parse(text)
        } catch {
            throw .invalidJSON(error)
        }
        guard let elements = document.arrayValue else {
            throw .invalidValue(at: .jsonPath(""), key: "document", value: document.typeName,
                                expected: "an array of resources")
        }
        var resources: [DRBDResource] = []
        for (index, element) in elements.enumerated() {
            let resource = try resource(DRBDJSONObject(element, path: "[\(index)]"))
            guard !resources.contains(where: { $0.name == resource.name }) else {
                throw .inconsistent(at: .jsonPath("[\(index)]"), reason: "resource '\(resource.name)' listed twice")
            }
            resources.append(resource)
        }
        return resources
    }

    /// Parses the output and picks one resource; one DRBD does not know is reported unconfigured.
    ///
    /// - Parameters:
    ///   - name: the resource the agent manages.
    ///   - text: the output of `drbdsetup status --json <name>`.
    /// - Returns: its state, or `DRBDResource.unconfigured(named:)` when absent.
    /// - Throws: `DRBDStateError` as `parse(_:)`.
    public static func resource(named name: String, from text: String) throws(DRBDStateError) -> DRBDResource {
        try parse(text).first { $0.name == name } ?? .unconfigured(named: name)
    }

    /// drbdsetup's complaint about an unknown option, or its usage screen.
    private static func isUsageText(_ text: String) -> Bool {
        text.contains("unrecognized option") || text.contains("USAGE:") || text.contains("--json")
    }

    private static func resource(_ object: DRBDJSONObject) throws(DRBDStateError) -> DRBDResource {
        var reasons: Set<DRBDSuspensionReason> = []
        let flags: [(String, DRBDSuspensionReason)] = [
            ("suspended-user", .user), ("suspended-no-data", .noData),
            ("suspended-fencing", .fencing), ("suspended-quorum", .quorum),
        ]
        for (key, reason) in flags where try object.optionalBool(key) == true { reasons.insert(reason) }
        var resource = DRBDResource(
            name: try object.string("name"), nodeID: try object.optionalInt("node-id"),
            role: try object.word(DRBDRole.self, "role"),
            suspended: try object.optionalBool("suspended") ?? !reasons.isEmpty, suspensionReasons: reasons,
            forceIOFailures: try object.optionalBool("force-io-failures"))
        if let ordering = try object.optionalString("write-ordering") {
            resource.writeOrdering = try DRBDFieldParser.word(DRBDWriteOrdering.self, ordering, key: "write-ordering",
                                                              at: .jsonPath(object.path))
        }
        for deviceObject in try object.objects("devices") {
            let device = try device(deviceObject)
            guard resource.device(volume: device.volume) == nil else {
                throw .inconsistent(at: .jsonPath(deviceObject.path), reason: "volume \(device.volume) listed twice")
            }
            resource.devices.append(device)
        }
        for connectionObject in try object.objects("connections") {
            let connection = try connection(connectionObject)
            guard resource.connection(peerNodeID: connection.peerNodeID) == nil else {
                throw .inconsistent(at: .jsonPath(connectionObject.path),
                                    reason: "peer-node-id \(connection.peerNodeID) listed twice")
            }
            resource.connections.append(connection)
        }
        return resource
    }

    private static func device(_ object: DRBDJSONObject) throws(DRBDStateError) -> DRBDDevice {
        DRBDDevice(
            volume: try object.int("volume"), minor: try object.optionalInt("minor"),
            disk: try object.word(DiskState.self, "disk-state"), isClient: try object.optionalBool("client") ?? false,
            quorum: try object.optionalBool("quorum"), isOpen: try object.optionalBool("open"),
            sizeKiB: try object.optionalInt("size"), readKiB: try object.optionalInt("read"),
            writtenKiB: try object.optionalInt("written"), activityLogWrites: try object.optionalInt("al-writes"),
            bitmapWrites: try object.optionalInt("bm-writes"), upperPending: try object.optionalInt("upper-pending"),
            lowerPending: try object.optionalInt("lower-pending"))
    }

    private static func connection(_ object: DRBDJSONObject) throws(DRBDStateError) -> DRBDConnection {
        var connection = DRBDConnection(
            peerNodeID: try object.int("peer-node-id"), name: try object.optionalString("name"),
            state: try object.word(ConnectionState.self, "connection-state"),
            peerRole: try object.word(DRBDRole.self, "peer-role"), congested: try object.optionalBool("congested"),
            applicationInFlight: try object.optionalInt("ap-in-flight"),
            resyncInFlight: try object.optionalInt("rs-in-flight"))
        for peerObject in try object.objects("peer_devices") {
            let peerDevice = try peerDevice(peerObject)
            guard connection.peerDevice(volume: peerDevice.volume) == nil else {
                throw .inconsistent(at: .jsonPath(peerObject.path), reason: "volume \(peerDevice.volume) listed twice")
            }
            connection.peerDevices.append(peerDevice)
        }
        return connection
    }

    private static func peerDevice(_ object: DRBDJSONObject) throws(DRBDStateError) -> DRBDPeerDevice {
        var peerDevice = DRBDPeerDevice(
            volume: try object.int("volume"), replication: try object.word(ReplicationState.self, "replication-state"),
            peerDisk: try object.word(DiskState.self, "peer-disk-state"),
            peerClient: try object.optionalBool("peer-client") ?? false,
            resyncSuspended: try object.reasons(DRBDResyncSuspension.self, "resync-suspended"),
            receivedKiB: try object.optionalInt("received"), sentKiB: try object.optionalInt("sent"),
            outOfSyncKiB: try object.optionalInt("out-of-sync"), pending: try object.optionalInt("pending"),
            unacked: try object.optionalInt("unacked"), percentInSync: try object.optionalDouble("percent-in-sync"))
        peerDevice.sync = try syncProgress(object, peerDevice: peerDevice)
        return peerDevice
    }

    /// With `has-sync-details`, the `rs-*`/`ov-*` members and a done percentage computed the way
    /// drbdsetup computes its own `done:` (sectors still to go against `rs-total`); during a resync
    /// without details, `percent-in-sync` is the best figure there is, as drbdsetup also shows it.
    private static func syncProgress(_ object: DRBDJSONObject,
                                     peerDevice: DRBDPeerDevice) throws(DRBDStateError) -> DRBDSyncProgress? {
        guard try object.optionalBool("has-sync-details") == true else {
            return peerDevice.replication.isResyncing ? DRBDSyncProgress(donePercent: peerDevice.percentInSync) : nil
        }
        var sync = DRBDSyncProgress(
            total: try object.optionalInt("rs-total"), elapsedMilliseconds: try object.optionalInt("rs-dt-start-ms"),
            pausedMilliseconds: try object.optionalInt("rs-paused-ms"), failed: try object.optionalInt("rs-failed"),
            sameChecksum: try object.optionalInt("rs-same-csum"), verifyLeft: try object.optionalInt("ov-left"),
            wantKiBPerSecond: try object.optionalDouble("want"))
        if let total = sync.total, total > 0 {
            // out-of-sync is printed in KiB, rs-* in 512-byte sectors.
            let toGo = sync.verifyLeft ?? ((peerDevice.outOfSyncKiB ?? 0) * 2 - (sync.failed ?? 0))
            sync.donePercent = min(100, max(0, 100 * Double(total - toGo) / Double(total)))
        }
        return sync
    }
}
