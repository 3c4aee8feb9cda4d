import CTandem
import Glibc

/// Logs through libqb, as Pacemaker does: syslog, a file and/or stderr, never forking.
///
/// libqb keeps its targets in process-wide state, so one process opens one logger
/// (`open`), before its first message; `Agent.run` does that for each invocation.
/// Should libqb be missing, lines go to stderr, which Pacemaker logs too.
public struct Logger: Sendable {
    public let tag: String
    public let settings: LogSettings
    /// True when messages also go to stderr (a terminal, or nowhere else configured).
    public let toStderr: Bool
    /// False when libqb could not be loaded and stderr is used instead.
    public let viaLibqb: Bool

    /// Opens libqb's targets for `tag` (`<agent>(<instance>)`). When the log file cannot
    /// be opened the other targets still work and a warning says why.
    public static func open(tag: String, settings: LogSettings, stderrIsTerminal: Bool = isatty(2) == 1) -> Logger {
        let toStderr = stderrIsTerminal || (settings.facility == nil && settings.file == nil)
        let result = tag.withCString { ident in
            (settings.file ?? "").withCString { file in
                var config = ctandem_log_config(ident: ident, syslog_facility: settings.facility ?? -1,
                                                logfile: settings.file == nil ? nil : file,
                                                to_stderr: toStderr ? 1 : 0, debug: settings.debug ? 1 : 0)
                return ctandem_log_open(&config)
            }
        }
        let logger = Logger(tag: tag, settings: settings, toStderr: toStderr || result == -ENOENT,
                            viaLibqb: result != -ENOENT)
        if result == -ENOENT {
            logger.warning(String(cString: ctandem_log_load_error()) + "; logging to stderr")
        } else if result < 0, let file = settings.file {
            logger.warning("cannot open log file \(file): \(Errno.describe(-result))")
        }
        return logger
    }

    public func log(_ level: LogLevel, _ message: String) {
        guard level != .debug || settings.debug else { return }
        guard viaLibqb else {
            StandardStreams.write("\(tag)[\(getpid())]: \(level.prefix): \(message)\n", to: 2)
            return
        }
        ctandem_log(level.priority, "\(level.prefix): \(message)")
    }

    public func critical(_ message: String) { log(.critical, message) }
    public func error(_ message: String) { log(.error, message) }
    public func warning(_ message: String) { log(.warning, message) }
    public func info(_ message: String) { log(.info, message) }
    public func debug(_ message: String) { log(.debug, message) }

    /// Flushes and closes the targets (at the end of the invocation).
    public func close() { ctandem_log_close() }
}
