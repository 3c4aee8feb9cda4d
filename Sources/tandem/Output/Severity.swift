/// How bad a status problem or a doctor finding is; the order is the order of display.
enum Severity: String, CaseIterable, Comparable, Sendable {
    /// An outage now (status) or one waiting to happen (doctor).
    case error
    /// Degraded or risky, still serving.
    case warning
    /// Worth knowing; changes nothing.
    case info

    static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }

    var label: String {
        switch self {
        case .error: "ERROR"
        case .warning: "WARN "
        case .info: "info "
        }
    }

    var style: Terminal.Style {
        switch self {
        case .error: .red
        case .warning: .yellow
        case .info: .dim
        }
    }
}
