/// The role a promotable resource is observed in on this node.
public enum PromotableRole: String, Sendable, Equatable, CaseIterable {
    case stopped
    case unpromoted
    case promoted

    /// What monitor reports for it: 7, 0 or 8.
    public var monitorResult: OCFExitCode {
        switch self {
        case .stopped: .notRunning
        case .unpromoted: .success
        case .promoted: .runningPromoted
        }
    }
}
