/// An asymmetric access state of a target port group (SPC-4), as LIO and SCST name it and as
/// the client's `prio alua` ranks it (A/O 50, A/NO 10, standby 1, the rest 0).
public enum ALUAState: String, Sendable, CaseIterable, CustomStringConvertible {
    case activeOptimized = "active"
    case activeNonOptimized = "nonoptimized"
    case standby
    case unavailable
    case offline
    case transitioning

    /// LIO's `alua_access_state` number. Offline (14) is never written: LIO then refuses
    /// even INQUIRY (iscsi-alua.md §3).
    public var lioNumber: Int {
        switch self {
        case .activeOptimized: 0
        case .activeNonOptimized: 1
        case .standby: 2
        case .unavailable: 3
        case .offline: 14
        case .transitioning: 15
        }
    }

    /// The state LIO's `alua_access_state` shows as a number.
    public init?(lioNumber: Int) {
        guard let state = Self.allCases.first(where: { $0.lioNumber == lioNumber }) else { return nil }
        self = state
    }

    /// SCST's `state` attribute text (`active`, `nonoptimized`, ...).
    public var scstName: String { rawValue }

    /// Serves reads and writes (optimized or not).
    public var isActive: Bool { self == .activeOptimized || self == .activeNonOptimized }

    public var description: String {
        switch self {
        case .activeOptimized: "active/optimized"
        case .activeNonOptimized: "active/non-optimized"
        default: rawValue
        }
    }
}

/// The state a promotable target's group takes on an unpromoted node: the two an admin may
/// choose (`alua_unpromoted_state`). Non-optimized keeps the paths serving I/O (no failover
/// stall on a promotion); standby turns them away.
public enum ALUAUnpromotedState: String, OCFEnumeration {
    case nonoptimized
    case standby

    public var state: ALUAState { self == .standby ? .standby : .activeNonOptimized }
}

/// One node's target port group id, written `node=id` (`san-a=1`): in a clone, one CIB
/// definition gives each node its own id, which must differ between the nodes (a client
/// merges groups of equal id into one, whose state then flips with every answer).
public struct ALUAGroupAssignment: Hashable, Sendable, CustomStringConvertible {
    public let node: String
    public let groupID: Int

    /// 1...65535: 0 is LIO's default group (and SCST refuses it).
    public static let ids = 1...65535

    public init?(_ text: String) {
        guard let equals = text.lastIndex(of: "="), let id = Int(text[text.index(after: equals)...]),
              text[text.index(after: equals)...].allSatisfy({ $0.isASCII && $0.isNumber }),
              Self.ids.contains(id) else { return nil }
        let node = String(text[..<equals])
        guard !node.isEmpty, node.utf8.count <= 255,
              !node.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7f })
        else { return nil }
        self.node = node
        groupID = id
    }

    public var description: String { "\(node)=\(groupID)" }
}

extension ALUAGroupAssignment: OCFParameterValue {
    public static var contentType: ParameterContentType { .string }
    public init?(ocfText: String) { self.init(ocfText) }
    public var ocfText: String { description }
    public static var expectation: String { "a node's group id like san-a=1 (node name, =, 1 to 65535)" }
}
