/// What one `drbdsetup events2` line did to the tracked state.
public enum DRBDEventsUpdate: Sendable, Equatable {
    /// The object kind an event was about.
    public enum Object: String, Sendable, Equatable {
        case resource, connection, device
        case peerDevice = "peer-device"
    }

    /// The resource `name` was created, changed or (with `exists`) reported.
    case changed(resource: String, object: Object)
    /// The resource `name` was destroyed (taken down) and is no longer tracked.
    case removed(resource: String)
    /// The resource `from` is now called `to`.
    case renamed(from: String, to: String)
    /// `exists -`: the initial state dump is complete; later lines are changes.
    case initialStateComplete

    /// The resource the update is about, if any.
    public var resourceName: String? {
        switch self {
        case .changed(let name, _), .removed(let name): name
        case .renamed(_, let to): to
        case .initialStateComplete: nil
        }
    }
}
