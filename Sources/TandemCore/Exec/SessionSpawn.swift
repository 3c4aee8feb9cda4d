import CTandem
import Glibc

/// posix_spawn as every child of an agent starts: default signal dispositions and an empty
/// signal mask whatever the agent had, and either in the agent's own process group (a
/// command: Pacemaker's SIGKILL of the group on timeout must end it too) or in a session of
/// its own (a detached process that is meant to outlive the agent).
enum SessionSpawn {
    /// Spawns `path` with `argv` and `envp` and the caller's file actions.
    ///
    /// - Parameter newSession: start a session of its own (detached processes only).
    /// - Returns: posix_spawn's result (0 or an errno) and the pid.
    static func spawn(path: String, argv: [String], envp: [String], newSession: Bool,
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
        var flags = Int32(POSIX_SPAWN_SETSIGDEF) | Int32(POSIX_SPAWN_SETSIGMASK)
        if newSession { flags |= Int32(ctandem_spawn_flag_setsid()) }
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
