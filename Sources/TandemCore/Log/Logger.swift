import CTandem
import Glibc

/// Logs through libqb, as Pacemaker does: syslog, a file and/or stderr, never forking.
///
/// libqb keeps its targets in process-wide state, so one process configures one logger
/// (`open`); `Agent.run` does that for each invocation. libqb is loaded at the first
/// message, so an invocation that logs nothing never pays for it. Should libqb be
/// missing, lines go to stderr, which Pacemaker logs too.
public struct Logger: Sendable {
    public let tag: String
    public let settings: LogSettings
    /// True when messages also go to stderr (a terminal, or nowhere else configured).
    public let toStderr: Bool

    /// Configures the targets for `tag` (`<agent>(<instance>)`).
    public static func open(tag: String, settings: LogSettings, stderrIsTerminal: Bool = isatty(2) == 1) -> Logger {
        let toStderr = stderrIsTerminal || (settings.facility == nil && settings.file == nil)
        _ = tag.withCString { ident in
            (settings.file ?? "").withCString { file in
                var config = ctandem_log_config(ident: ident, syslog_facility: settings.facility ?? -1,
                                                logfile: settings.file == nil ? nil : file,
                                                to_stderr: toStderr ? 1 : 0, debug: settings.debug ? 1 : 0)
                return ctandem_log_configure(&config)
            }
        }
        return Logger(tag: tag, settings: settings, toStderr: toStderr)
    }

    public func log(_ level: LogLevel, _ message: String) {
        guard level != .debug || settings.debug else { return }
        let line = "\(level.prefix): \(message)"
        let result = ctandem_log(level.priority, line)
        if result == -ENOENT {
            // No libqb: stderr instead (this and every later message).
            StandardStreams.write("\(tag)[\(getpid())]: \(line)\n", to: 2)
            if let reason = ctandem_log_load_error() {
                StandardStreams.write("\(tag)[\(getpid())]: WARNING: \(String(cString: reason)); logging to stderr\n", to: 2)
            }
        } else if result < 0, let file = settings.file {
            ctandem_log(LogLevel.warning.priority, "WARNING: cannot open log file \(file): \(Errno.describe(-result))")
        }
    }

    public func critical(_ message: String) { log(.critical, message) }
    public func error(_ message: String) { log(.error, message) }
    public func warning(_ message: String) { log(.warning, message) }
    public func info(_ message: String) { log(.info, message) }
    public func debug(_ message: String) { log(.debug, message) }

    /// Flushes and closes the targets (at the end of the invocation).
    public func close() { ctandem_log_close() }
}
