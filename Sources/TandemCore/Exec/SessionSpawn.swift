import CTandem
import Glibc

/// posix_spawn into a new session, as every child of an agent starts: its own process
/// group (so it can be signalled as a whole), no controlling terminal, default signal
/// dispositions and an empty signal mask whatever the agent had.
enum SessionSpawn {
    /// Spawns `path` with `argv` and `envp` and the caller's file actions.
    ///
    /// - Returns: posix_spawn's result (0 or an errno) and the pid.
    static func spawn(path: String, argv: [String], envp: [String],
                      actions: inout posix_spawn_file_actions_t) -> (result: Int32, pid: pid_t) {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaultSignals = sigset_t()
        sigfillset(&defaultSignals)
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        let flags = Int32(POSIX_SPAWN_SETSIGDEF) | Int32(POSIX_SPAWN_SETSIGMASK) | Int32(ctandem_spawn_flag_setsid())
        posix_spawnattr_setflags(&attributes, Int16(flags))

        var pid: pid_t = 0
        var result: Int32 = 0
        // ETXTBSY: the executable was just written and another thread's fork still holds
        // a write descriptor to it for an instant; it clears by itself.
        for attempt in 0..<20 {
            result = withCStringArray(argv) { cArgv in
                withCStringArray(envp) { cEnvp in posix_spawn(&pid, path, &actions, &attributes, cArgv, cEnvp) }
            }
            guard result == ETXTBSY, attempt < 19 else { break }
            usleep(5_000)
        }
        return (result, pid)
    }
}
