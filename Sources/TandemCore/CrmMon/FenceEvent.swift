/// One fencing action (`<fence_history><fence_event>`).
public struct FenceEvent: Sendable, Equatable {
    /// Where the action stands. Pacemaker 2.0.1–2.0.2 wrote it as `state`.
    public enum Status: String, Sendable, CaseIterable {
        case pending, success, failed, unknown
    }

    public var status: Status = .unknown
    public var extendedStatus: String?
    public var exitReason: String?
    /// The node that carried it out.
    public var delegate: String?
    /// `reboot`, `off`, `on`.
    public var action = ""
    public var target = ""
    public var client = ""
    public var origin = ""
    public var completed: String?

    /// An empty event; the parser fills it in.
    public init() {}
}
