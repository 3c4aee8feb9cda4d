import CTandem
import Glibc

/// Starts a process that outlives the caller: its own session (so Pacemaker's SIGKILL
/// of the agent's process group does not reach it, and it holds no terminal), stdio on
/// /dev/null, no inherited descriptors, default signal handling. Nothing waits for it;
/// whoever started it must bound its lifetime and be able to end it by pid.
public enum DetachedProcess {
    /// Spawns `path` with `arguments` (argv[1...]) and the caller's environment.
    ///
    /// - Parameters:
    ///   - path: the executable; `/proc/self/exe` re-executes the running binary.
    ///   - arguments: argv after argv[0].
    ///   - name: argv[0].
    /// - Returns: the new process's pid.
    /// - Throws: `CommandError.spawnFailed` with the errno.
    public static func spawn(path: String, arguments: [String], name: String) throws(CommandError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        _ = ctandem_spawn_addclosefrom(&actions, 3)

        var environment: [String] = []
        for (key, value) in EnvironmentSnapshot.current() { environment.append(key + "=" + value) }
        let (rc, pid) = SessionSpawn.spawn(path: path, argv: [name] + arguments, envp: environment,
                                           newSession: true, actions: &actions)
        guard rc == 0 else { throw .spawnFailed(path, errno: rc) }
        return pid
    }
}
