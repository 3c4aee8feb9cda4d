import CTandem
import Glibc

/// The agent's children and their descendants, found through /proc.
///
/// Commands run in the agent's own process group, so that Pacemaker's SIGKILL of that group
/// on an operation timeout takes them along (a `drbdadm primary` must not finish after
/// Pacemaker recorded the failure). The group can then not be signalled to end one timed-out
/// command, so the runner ends the command's tree instead: every process below it, found
/// through `/proc/<pid>/task/<tid>/children`, and, because the agent is a child subreaper,
/// whatever that tree left behind re-parented to the agent.
enum ProcessTree {
    /// Makes this process a child subreaper (once; harmless to repeat).
    static func adoptOrphans() {
        _ = ctandem_become_subreaper()
    }

    /// The direct children of `pid`, over all its threads.
    static func children(of pid: pid_t) -> [pid_t] {
        guard let directory = opendir("/proc/\(pid)/task") else { return [] }
        defer { closedir(directory) }
        var result: [pid_t] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard let thread = Int32(name),
                  let bytes = FileContents.read("/proc/\(pid)/task/\(thread)/children", limit: 1 << 16) else { continue }
            result += String(decoding: bytes, as: UTF8.self).split(separator: " ").compactMap { pid_t($0) }
        }
        return result
    }

    /// `pid` and everything below it, parents before their children.
    static func tree(of pid: pid_t) -> [pid_t] {
        var result = [pid]
        var index = 0
        while index < result.count, result.count < 4096 {
            result += children(of: result[index]).filter { !result.contains($0) }
            index += 1
        }
        return result
    }

    /// Sends `signal` to `pid` and to every process below it.
    static func signal(_ signal: Int32, tree pid: pid_t) {
        for member in tree(of: pid) { kill(member, signal) }
    }

    /// Kills and reaps the agent's children that are not in `known`: what a killed command's
    /// tree left behind, re-parented here. Gives up after `milliseconds`.
    static func endAdoptedOrphans(except known: Set<pid_t>, milliseconds: Int = 200) {
        let until = MonotonicInstant.now().adding(milliseconds: milliseconds)
        while true {
            let orphans = children(of: getpid()).filter { !known.contains($0) }
            if orphans.isEmpty || MonotonicInstant.now() >= until { return }
            for orphan in orphans {
                signal(SIGKILL, tree: orphan)
                var status: Int32 = 0
                _ = waitpid(orphan, &status, WNOHANG)
            }
            usleep(5_000)
        }
    }
}
