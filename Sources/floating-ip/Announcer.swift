import Glibc
import TandemCore
import TandemNetwork

/// The background announcer (`arp_bg=true`).
///
/// The agent itself never forks a helper program. When announcements should outlive
/// start, start sends the first one and re-executes its own binary (`/proc/self/exe`) with
/// the internal word `__announce`, in a session of its own, to send the rest. That process
/// is bounded: it sends at most arp_count-1 more, stops as soon as the address leaves the
/// interface, and an `alarm` ends it in any case shortly after arp_count × arp_interval.
/// Its pid is kept under HA_RSCTMP; stop (and a new start) end it with SIGTERM after checking
/// `/proc/<pid>/cmdline`, so a recycled pid is never signalled.
enum Announcer {
    /// argv[1] of the announcer process; not an OCF action and not in the meta-data.
    static let actionWord = "__announce"

    static func pidFile(_ context: AgentContext) -> String { context.stateFile("announcer.pid") }

    /// Starts the announcer for the remaining `count` announcements and records its pid.
    static func launch(_ session: Session, link: Link, count: Int) throws(OCFFailure) {
        let configuration = session.configuration
        let arguments = [actionWord, configuration.namespace ?? "-", String(link.index.rawValue),
                         configuration.address.description, String(count),
                         String(configuration.announcementIntervalMilliseconds),
                         configuration.arpOperation == .reply ? "reply" : "request", pidFile(session.context)]
        let pid: pid_t
        do {
            pid = try DetachedProcess.spawn(path: "/proc/self/exe", arguments: arguments, name: "floating-ip")
        } catch {
            throw OCFFailure(.genericError, "cannot start the background announcer: \(error)")
        }
        do {
            try FileContents.writeAtomically(pidFile(session.context), Array("\(pid)\n".utf8), createDirectory: true)
        } catch {
            session.context.logger.warning("cannot record announcer pid \(pid): \(error); it ends by itself")
        }
    }

    /// Ends a running announcer for this resource, if there is one.
    static func end(_ context: AgentContext, address: IPAddress) {
        let path = pidFile(context)
        guard let bytes = FileContents.read(path, limit: 32) else { return }
        defer { Syscalls.removeFileIfPresent(path) }
        guard let pid = pid_t(String(decoding: bytes, as: UTF8.self).trimmingWhitespace()), pid > 1,
              isAnnouncer(pid, address: address) else { return }
        if (try? Syscalls.signal(SIGTERM, to: pid)) != nil { context.logger.info("ended background announcer \(pid)") }
    }

    /// True when `pid` runs `__announce` for `address` (and is not a zombie).
    static func isAnnouncer(_ pid: pid_t, address: IPAddress) -> Bool {
        guard let stat = FileContents.read("/proc/\(pid)/stat", limit: 512),
              let close = stat.lastIndex(of: UInt8(ascii: ")")), close + 2 < stat.count,
              stat[close + 2] != UInt8(ascii: "Z"),
              let line = FileContents.read("/proc/\(pid)/cmdline", limit: 4096) else { return false }
        let argv = line.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        return argv.count > 4 && argv[1] == actionWord && argv[4] == address.description
    }

    /// The announcer process: `__announce NS IFINDEX ADDRESS COUNT INTERVAL_MS request|reply PIDFILE`.
    /// - Returns: its exit status (0, or 2 for unusable arguments).
    static func main(_ arguments: [String]) -> Int32 {
        guard arguments.count == 9, let index = Int32(arguments[3]), let address = IPAddress(arguments[4]),
              let count = Int(arguments[5]), (0...1000).contains(count),
              let interval = Int(arguments[6]), (1...60_000).contains(interval) else { return 2 }
        // The hard bound on this process's life, whatever happens below.
        alarm(UInt32((count * interval) / 1000 + 5))
        let logger = Logger.open(tag: "floating-ip[announcer]",
                                 settings: OCFEnvironment(EnvironmentSnapshot.current()).logSettings,
                                 stderrIsTerminal: false)
        defer {
            logger.close()
            removePidFile(arguments[8])
        }
        if arguments[2] != "-" {
            do { try NetworkNamespace.enter(arguments[2]) } catch { logger.warning("announcer: \(error)"); return 1 }
        }
        do {
            let netlink = try RouteNetlink(receiveTimeoutMilliseconds: 1000)
            guard let link = try netlink.link(at: InterfaceIndex(index)),
                  let announcements = try Announcements(address: address, link: link,
                                                        operation: arguments[7] == "reply" ? .reply : .request)
            else { return 0 }
            for _ in 0..<count {
                Syscalls.sleep(milliseconds: interval)
                let present = (try? netlink.addresses(family: address.family))?
                    .contains { $0.address == address && $0.interface == link.index } ?? false
                guard present else { break }
                try announcements.sendOne()
            }
        } catch {
            logger.warning("announcer for \(address): \(error)")
            return 1
        }
        return 0
    }

    private static func removePidFile(_ path: String) {
        guard let bytes = FileContents.read(path, limit: 32),
              pid_t(String(decoding: bytes, as: UTF8.self).trimmingWhitespace()) == getpid() else { return }
        Syscalls.removeFileIfPresent(path)
    }
}
