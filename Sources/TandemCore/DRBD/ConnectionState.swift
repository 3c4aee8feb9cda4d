/// The state of a connection to one peer.
///
/// DRBD 9 uses the first ten; DRBD 8.4's `cs:` adds `WFConnection` and `WFReportParams`
/// (and uses replication words such as `SyncSource`, which the /proc/drbd reader maps to
/// `.connected` plus a `ReplicationState`).
public enum ConnectionState: String, DRBDVocabulary {
    case standAlone = "StandAlone"
    case disconnecting = "Disconnecting"
    case unconnected = "Unconnected"
    case timeout = "Timeout"
    case brokenPipe = "BrokenPipe"
    case networkFailure = "NetworkFailure"
    case protocolError = "ProtocolError"
    case tearDown = "TearDown"
    case connecting = "Connecting"
    case connected = "Connected"
    /// 8.4: waiting for the peer to connect (DRBD 9 says `Connecting`).
    case wfConnection = "WFConnection"
    /// 8.4: TCP is up, waiting for the peer's first packet.
    case wfReportParams = "WFReportParams"

    /// Names these words in error messages.
    public static let vocabularyName = "connection state"

    /// True only for an established connection.
    public var isConnected: Bool { self == .connected }
}
