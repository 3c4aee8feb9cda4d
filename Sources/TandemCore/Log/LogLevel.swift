import Glibc

/// The levels of `ocf_log`, with the prefix it writes before each message.
public enum LogLevel: String, Sendable, CaseIterable {
    case critical = "crit", error = "err", warning = "warn", info, debug

    var priority: Int32 {
        switch self {
        case .critical: LOG_CRIT
        case .error: LOG_ERR
        case .warning: LOG_WARNING
        case .info: LOG_INFO
        case .debug: LOG_DEBUG
        }
    }

    var prefix: String {
        switch self {
        case .critical: "CRIT"
        case .error: "ERROR"
        case .warning: "WARNING"
        case .info: "INFO"
        case .debug: "DEBUG"
        }
    }
}
