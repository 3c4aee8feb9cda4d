// Applying events2 `key:value` fields to the model. A `change` line carries only what changed,
// so every key is optional here; keys this library does not model are ignored on purpose.

extension DRBDEventsState {
    private typealias Parse = DRBDFieldParser

    static func applyResourceFields(_ fields: [String: String], to resource: inout DRBDResource,
                                    at: Location, notes: inout [String]) throws(DRBDStateError) {
        for (key, value) in fields {
            switch key {
            case "role": resource.role = try Parse.word(DRBDRole.self, value, key: key, at: at)
            case "suspended":
                resource.suspensionReasons = try Parse.reasons(DRBDSuspensionReason.self, value, key: key, at: at)
                resource.suspended = !resource.suspensionReasons.isEmpty
            case "write-ordering":
                resource.writeOrdering = Parse.word(DRBDWriteOrdering.self, value, key: key, at: at, unrecognized: &notes)
            case "force-io-failures": resource.forceIOFailures = try Parse.yesNo(value, key: key, at: at)
            case "may_promote": resource.mayPromote = try Parse.yesNo(value, key: key, at: at)
            case "promotion_score": resource.promotionScore = try Parse.signedInteger(value, key: key, at: at)
            default: continue
            }
        }
    }

    static func applyConnectionFields(_ fields: [String: String], to connection: inout DRBDConnection,
                                      at: Location, notes: inout [String]) throws(DRBDStateError) {
        for (key, value) in fields {
            switch key {
            case "conn-name": connection.name = value
            case "connection":
                if let state = Parse.word(ConnectionState.self, value, key: key, at: at, unrecognized: &notes) {
                    connection.state = state
                }
            case "role": connection.peerRole = try Parse.word(DRBDRole.self, value, key: key, at: at)
            case "congested": connection.congested = try Parse.yesNo(value, key: key, at: at)
            case "ap-in-flight": connection.applicationInFlight = try Parse.integer(value, key: key, at: at)
            case "rs-in-flight": connection.resyncInFlight = try Parse.integer(value, key: key, at: at)
            default: continue
            }
        }
    }

    static func applyDeviceFields(_ fields: [String: String], to device: inout DRBDDevice,
                                  at: Location, notes: inout [String]) throws(DRBDStateError) {
        for (key, value) in fields {
            switch key {
            case "minor": device.minor = try Parse.integer(value, key: key, at: at)
            case "disk":
                if let disk = Parse.word(DiskState.self, value, key: key, at: at, unrecognized: &notes) { device.disk = disk }
            // `unknown` (not yet known) counts as not a client: no promise that the disk is missing on purpose.
            case "client": device.isClient = try Parse.yesNoUnknown(value, key: key, at: at) ?? false
            case "quorum": device.quorum = try Parse.yesNo(value, key: key, at: at)
            case "open": device.isOpen = try Parse.yesNoUnknown(value, key: key, at: at)
            case "backing_dev": device.backingDevice = value == "none" ? nil : value
            case "size": device.sizeKiB = try Parse.integer(value, key: key, at: at)
            case "read": device.readKiB = try Parse.integer(value, key: key, at: at)
            case "written": device.writtenKiB = try Parse.integer(value, key: key, at: at)
            case "al-writes": device.activityLogWrites = try Parse.integer(value, key: key, at: at)
            case "bm-writes": device.bitmapWrites = try Parse.integer(value, key: key, at: at)
            case "upper-pending": device.upperPending = try Parse.integer(value, key: key, at: at)
            case "lower-pending": device.lowerPending = try Parse.integer(value, key: key, at: at)
            case "al-suspended": device.activityLogSuspended = try Parse.yesNo(value, key: key, at: at)
            default: continue
            }
        }
    }

    static func applyPeerDeviceFields(_ fields: [String: String], to peerDevice: inout DRBDPeerDevice,
                                      at: Location, notes: inout [String]) throws(DRBDStateError) {
        var sync = peerDevice.sync ?? DRBDSyncProgress()
        for (key, value) in fields {
            switch key {
            case "replication":
                if let state = Parse.word(ReplicationState.self, value, key: key, at: at, unrecognized: &notes) {
                    peerDevice.replication = state
                }
            case "peer-disk":
                if let disk = Parse.word(DiskState.self, value, key: key, at: at, unrecognized: &notes) {
                    peerDevice.peerDisk = disk
                }
            case "peer-client": peerDevice.peerClient = try Parse.yesNoUnknown(value, key: key, at: at) ?? false
            case "resync-suspended":
                peerDevice.resyncSuspended = try Parse.reasons(DRBDResyncSuspension.self, value, key: key, at: at)
            case "received": peerDevice.receivedKiB = try Parse.integer(value, key: key, at: at)
            case "sent": peerDevice.sentKiB = try Parse.integer(value, key: key, at: at)
            case "out-of-sync": peerDevice.outOfSyncKiB = try Parse.integer(value, key: key, at: at)
            case "pending": peerDevice.pending = try Parse.integer(value, key: key, at: at)
            case "unacked": peerDevice.unacked = try Parse.integer(value, key: key, at: at)
            case "done": sync.donePercent = try Parse.decimal(value, key: key, at: at)
            case "rs-total": sync.total = try Parse.integer(value, key: key, at: at)
            case "rs-dt-start-ms": sync.elapsedMilliseconds = try Parse.integer(value, key: key, at: at)
            case "rs-paused-ms": sync.pausedMilliseconds = try Parse.integer(value, key: key, at: at)
            case "rs-failed": sync.failed = try Parse.integer(value, key: key, at: at)
            case "rs-same-csum": sync.sameChecksum = try Parse.integer(value, key: key, at: at)
            case "ov-left": sync.verifyLeft = try Parse.integer(value, key: key, at: at)
            case "want": sync.wantKiBPerSecond = try Parse.decimal(value, key: key, at: at)
            default: continue
            }
        }
        // Progress only means something while a resync or verify runs; DRBD stops printing
        // `done:` when it ends, so a stale value must not survive into Established.
        let syncing = peerDevice.replication.isResyncing || peerDevice.replication.isVerifying
        peerDevice.sync = syncing && sync != DRBDSyncProgress() ? sync : nil
    }
}
