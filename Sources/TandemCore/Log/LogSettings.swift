import Glibc

/// Where log lines go, from `HA_LOGFACILITY`/`PCMK_logfacility`, `HA_LOGFILE`/`PCMK_logfile`
/// and `HA_debug`.
public struct LogSettings: Sendable, Equatable {
    /// The syslog facility name; "none" (or an unknown name) turns syslog off.
    public let facilityName: String?
    public let file: String?
    /// Debug messages are written only when true.
    public let debug: Bool

    public init(facilityName: String?, file: String?, debug: Bool) {
        self.facilityName = facilityName
        self.file = file
        self.debug = debug
    }

    /// The syslog facility code, nil when syslog is off.
    public var facility: Int32? {
        guard let name = facilityName?.lowercased(), name != "none" else { return nil }
        return Self.facilities[name]
    }

    static let facilities: [String: Int32] = [
        "kern": LOG_KERN, "user": LOG_USER, "mail": LOG_MAIL, "daemon": LOG_DAEMON, "auth": LOG_AUTH,
        "syslog": LOG_SYSLOG, "lpr": LOG_LPR, "news": LOG_NEWS, "uucp": LOG_UUCP, "cron": LOG_CRON,
        "authpriv": LOG_AUTHPRIV, "ftp": LOG_FTP,
        "local0": LOG_LOCAL0, "local1": LOG_LOCAL1, "local2": LOG_LOCAL2, "local3": LOG_LOCAL3,
        "local4": LOG_LOCAL4, "local5": LOG_LOCAL5, "local6": LOG_LOCAL6, "local7": LOG_LOCAL7,
    ]
}
