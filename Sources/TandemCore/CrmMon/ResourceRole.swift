/// The one role vocabulary for every Pacemaker version.
///
/// Pacemaker ≥ 2.1 writes `Promoted`/`Unpromoted`; older versions (and `--enable-compat-2.0`
/// builds) write `Master`/`Slave`. Both spellings map here, case-insensitively; the raw
/// values are the current spellings.
public enum ResourceRole: String, Sendable, CaseIterable {
    case promoted = "Promoted"
    case unpromoted = "Unpromoted"
    case started = "Started"
    case stopped = "Stopped"
    case starting = "Starting"
    case stopping = "Stopping"
    case promoting = "Promoting"
    case demoting = "Demoting"
    case migrating = "Migrating"
    /// Pacemaker's own "Unknown", and any word this library does not know.
    case unknown = "Unknown"

    /// Parses a role as any Pacemaker version writes it; unrecognised words are `.unknown`.
    public init(parsing text: some StringProtocol) {
        let lower = text.lowercased()
        switch lower {
        case "master": self = .promoted
        case "slave": self = .unpromoted
        default: self = Self.allCases.first { $0.rawValue.lowercased() == lower } ?? .unknown
        }
    }

    /// Parses a role straight from an XML attribute value, without allocating.
    public init(_ value: XMLValue) {
        // Dispatch on the first letter; then one exact comparison per candidate.
        switch XMLValue.lowercased(value.pointer[0]) {
        case UInt8(ascii: "p"):
            self = value.matchesIgnoringCase("promoted") ? .promoted
                : value.matchesIgnoringCase("promoting") ? .promoting : .unknown
        case UInt8(ascii: "u"): self = value.matchesIgnoringCase("unpromoted") ? .unpromoted : .unknown
        case UInt8(ascii: "s"):
            self = value.matchesIgnoringCase("started") ? .started
                : value.matchesIgnoringCase("stopped") ? .stopped
                : value.matchesIgnoringCase("slave") ? .unpromoted
                : value.matchesIgnoringCase("starting") ? .starting
                : value.matchesIgnoringCase("stopping") ? .stopping : .unknown
        case UInt8(ascii: "m"):
            self = value.matchesIgnoringCase("master") ? .promoted
                : value.matchesIgnoringCase("migrating") ? .migrating : .unknown
        case UInt8(ascii: "d"): self = value.matchesIgnoringCase("demoting") ? .demoting : .unknown
        default: self = .unknown
        }
    }

    /// True for the transitional roles a resource shows while an action is in flight.
    public var isTransitional: Bool {
        switch self {
        case .starting, .stopping, .promoting, .demoting, .migrating: true
        default: false
        }
    }

    /// True when an instance in this role is running (any role but stopped and unknown).
    public var isRunning: Bool { self != .stopped && self != .unknown }
}
