import Testing
import TandemCore

@Suite struct DRBDVocabularyTests {
    @Test func wordsAreSpelledAsDRBDPrintsThem() {
        #expect(DRBDRole.allCases.map(\.rawValue) == ["Primary", "Secondary", "Unknown"])
        #expect(DiskState.allCases.map(\.rawValue) == ["Diskless", "Attaching", "Detaching", "Failed", "Negotiating",
                                                       "Inconsistent", "Outdated", "DUnknown", "Consistent", "UpToDate"])
        #expect(ConnectionState.allCases.map(\.rawValue) == [
            "StandAlone", "Disconnecting", "Unconnected", "Timeout", "BrokenPipe", "NetworkFailure", "ProtocolError",
            "TearDown", "Connecting", "Connected", "WFConnection", "WFReportParams"])
        #expect(ReplicationState.allCases.map(\.rawValue) == [
            "Off", "Established", "StartingSyncS", "StartingSyncT", "WFBitMapS", "WFBitMapT", "WFSyncUUID",
            "SyncSource", "SyncTarget", "VerifyS", "VerifyT", "PausedSyncS", "PausedSyncT", "Ahead", "Behind"])
        #expect(DRBDSuspensionReason.allCases.map(\.rawValue) == ["user", "no-data", "fencing", "quorum"])
        #expect(DRBDResyncSuspension.allCases.map(\.rawValue) == ["user", "peer", "dependency", "max-parallel"])
        #expect(DRBDWriteOrdering.allCases.map(\.rawValue) == ["none", "drain", "flush", "bio-barrier"])
    }

    @Test func lookupIsExact() {
        #expect(DiskState.named("UpToDate") == .upToDate)
        #expect(DiskState.named("uptodate") == nil)
        #expect(DRBDRole.named("Master") == nil)  // DRBD never says Master; Pacemaker does
        #expect(ReplicationState.named("Connected") == nil)  // 8.4 cs:, not a replication state
    }

    @Test func classifications() {
        #expect(DiskState.allCases.filter(\.isTransitional) == [.attaching, .negotiating])
        #expect(DiskState.allCases.filter { !$0.breaksConsistency } == [.attaching, .negotiating, .consistent, .upToDate])
        #expect(ReplicationState.allCases.filter(\.isResyncing) == [.syncSource, .syncTarget, .pausedSyncS, .pausedSyncT])
        #expect(ReplicationState.allCases.filter(\.isVerifying) == [.verifyS, .verifyT])
        #expect(ConnectionState.allCases.filter(\.isConnected) == [.connected])
    }

    @Test func everyWordRoundTripsThroughEvents2() throws {
        for disk in DiskState.allCases {
            let text = "exists resource name:r0 role:Secondary\nexists device name:r0 volume:0 disk:\(disk.rawValue)\nexists -\n"
            #expect(try DRBDEvents2Reader.parse(text).first?.devices.first?.disk == disk)
        }
        for state in ConnectionState.allCases {
            let text = "exists resource name:r0 role:Secondary\n"
                + "exists connection name:r0 peer-node-id:1 connection:\(state.rawValue) role:Unknown\nexists -\n"
            #expect(try DRBDEvents2Reader.parse(text).first?.connections.first?.state == state)
        }
        for state in ReplicationState.allCases {
            let text = "exists resource name:r0 role:Secondary\nexists connection name:r0 peer-node-id:1 connection:Connected role:Unknown\n"
                + "exists peer-device name:r0 peer-node-id:1 volume:0 replication:\(state.rawValue) peer-disk:UpToDate\nexists -\n"
            #expect(try DRBDEvents2Reader.parse(text).first?.connections.first?.peerDevices.first?.replication == state)
        }
    }

    @Test func unknownClientFlagCountsAsNo() throws {
        let text = "exists resource name:r0 role:Secondary\nexists device name:r0 volume:0 disk:Diskless client:unknown open:unknown\nexists -\n"
        let device = try #require(try DRBDEvents2Reader.parse(text).first?.devices.first)
        #expect(device.isClient == false && device.isOpen == nil)
    }
}
