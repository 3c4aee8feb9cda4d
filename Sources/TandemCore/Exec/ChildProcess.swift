import CTandem
import Glibc

/// A spawned child and the parent's ends of its pipes. Internal to `CommandRunner`.
struct ChildProcess {
    let pid: pid_t
    private var stdoutFD: Int32
    private var stderrFD: Int32
    private var stdinFD: Int32
    private var pendingInput: ArraySlice<UInt8>

    static func spawn(path: String, command: Command) throws(CommandError) -> ChildProcess {
        var outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1], inPipe: [Int32] = [-1, -1]
        func closeAll() { for fd in outPipe + errPipe + inPipe where fd >= 0 { close(fd) } }
        guard ctandem_pipe_cloexec(&outPipe) == 0, ctandem_pipe_cloexec(&errPipe) == 0 else {
            let code = Errno.current; closeAll(); throw .spawnFailed(command.executable, errno: code)
        }
        if command.input != nil, ctandem_pipe_cloexec(&inPipe) != 0 {
            let code = Errno.current; closeAll(); throw .spawnFailed(command.executable, errno: code)
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if command.input != nil {
            posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        _ = ctandem_spawn_addclosefrom(&actions, 3)

        let argv = [path] + command.arguments
        var environment = EnvironmentSnapshot.current()
        for (key, value) in command.environment { environment[key] = value }
        environment["LC_ALL"] = "C"
        let envp = environment.map { "\($0.key)=\($0.value)" }

        let (rc, pid) = SessionSpawn.spawn(path: path, argv: argv, envp: envp, newSession: false, actions: &actions)
        close(outPipe[1]); close(errPipe[1])
        if inPipe[0] >= 0 { close(inPipe[0]) }
        guard rc == 0 else {
            close(outPipe[0]); close(errPipe[0])
            if inPipe[1] >= 0 { close(inPipe[1]) }
            throw .spawnFailed(command.executable, errno: rc)
        }
        if inPipe[1] >= 0 { _ = fcntl(inPipe[1], F_SETFL, fcntl(inPipe[1], F_GETFL) | O_NONBLOCK) }
        return ChildProcess(pid: pid, stdoutFD: outPipe[0], stderrFD: errPipe[0], stdinFD: inPipe[1],
                            pendingInput: ArraySlice(command.input ?? []))
    }

    /// Reads output until the child exits, sending SIGTERM at `termAt` and SIGKILL at `killAt`
    /// to it and everything below it. Always reaps the child.
    ///
    /// - Parameter knownChildren: the agent's children before this one was spawned; after a
    ///   timeout every other child (an orphan of the killed tree) is ended too. nil: none is.
    mutating func collect(command: Command, start: MonotonicInstant, termAt: MonotonicInstant,
                          killAt: MonotonicInstant, knownChildren: Set<pid_t>?) -> CommandResult {
        var out = BoundedBuffer(limit: command.outputLimit)
        var err = BoundedBuffer(limit: command.outputLimit)
        let pidfd = ctandem_pidfd_open(pid)
        defer { if pidfd >= 0 { close(pidfd) } }
        var status: TerminationStatus?
        var timedOut = false
        var sentTerm = false, sentKill = false
        var drainUntil: MonotonicInstant?
        // A child in uninterruptible sleep (a drbdmeta on a dead disk) does not die of SIGKILL
        // until the kernel lets it: after this long the runner returns without it.
        var abandonAt: MonotonicInstant?

        while true {
            let now = MonotonicInstant.now()
            if status == nil, let reaped = reap(blocking: false) { status = reaped }
            if status != nil {
                // The child is gone; a daemon it left behind may hold the pipes open,
                // so read what is there for a short while and stop.
                if stdoutFD < 0 && stderrFD < 0 { break }
                if drainUntil == nil { drainUntil = now.adding(milliseconds: 50) }
                if let until = drainUntil, until <= now { break }
            } else if !sentKill && now >= killAt {
                ProcessTree.signal(SIGKILL, tree: pid); sentKill = true; timedOut = true
                abandonAt = now.adding(milliseconds: 1_000)
            } else if let abandonAt, now >= abandonAt {
                break
            } else if !sentTerm && now >= termAt {
                ProcessTree.signal(SIGTERM, tree: pid); sentTerm = true; timedOut = true
            }

            var fds: [pollfd] = []
            if stdoutFD >= 0 { fds.append(pollfd(fd: stdoutFD, events: Int16(POLLIN), revents: 0)) }
            if stderrFD >= 0 { fds.append(pollfd(fd: stderrFD, events: Int16(POLLIN), revents: 0)) }
            if stdinFD >= 0 { fds.append(pollfd(fd: stdinFD, events: Int16(POLLOUT), revents: 0)) }
            if pidfd >= 0 && status == nil { fds.append(pollfd(fd: pidfd, events: Int16(POLLIN), revents: 0)) }
            let wakeAt: MonotonicInstant = drainUntil ?? (sentKill ? now.adding(milliseconds: 100) : (sentTerm ? killAt : termAt))
            var timeout = max(0, now.milliseconds(until: wakeAt)) + 1
            if pidfd < 0 && status == nil { timeout = min(timeout, 10) }  // no pidfd: poll for the exit
            if fds.isEmpty {
                if status == nil { _ = poll(nil, 0, Int32(min(timeout, 10))) }
                continue
            }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(timeout, Int(Int32.max))))
            if ready < 0 && Errno.current != EINTR { break }
            for entry in fds where entry.revents != 0 {
                if entry.fd == stdoutFD { if !out.read(from: stdoutFD) { close(stdoutFD); stdoutFD = -1 } }
                else if entry.fd == stderrFD { if !err.read(from: stderrFD) { close(stderrFD); stderrFD = -1 } }
                else if entry.fd == stdinFD { writeInput() }
            }
        }
        if stdoutFD >= 0 { close(stdoutFD); stdoutFD = -1 }
        if stderrFD >= 0 { close(stderrFD); stderrFD = -1 }
        if stdinFD >= 0 { close(stdinFD); stdinFD = -1 }
        if timedOut && status == nil { ProcessTree.signal(SIGKILL, tree: pid) }
        // Never block on a child that ignored SIGKILL for a second: it is left to init.
        let final = status ?? reap(blocking: abandonAt == nil) ?? .signaled(SIGKILL)
        // What the ended tree left behind (re-parented to the agent) is not ours to keep.
        if timedOut, let knownChildren { ProcessTree.endAdoptedOrphans(except: knownChildren.union([pid])) }
        return CommandResult(command: command, status: final, timedOut: timedOut,
                             stdout: out.bytes, stderr: err.bytes,
                             milliseconds: start.milliseconds(until: .now()))
    }

    private mutating func writeInput() {
        guard stdinFD >= 0 else { return }
        if pendingInput.isEmpty { close(stdinFD); stdinFD = -1; return }
        let written = Self.writeWithoutSIGPIPE(stdinFD, pendingInput)
        if written > 0 { pendingInput = pendingInput.dropFirst(written) }
        else if written < 0 && Errno.current != EAGAIN && Errno.current != EINTR { close(stdinFD); stdinFD = -1; return }
        if pendingInput.isEmpty { close(stdinFD); stdinFD = -1 }
    }

    /// write(2) to a pipe whose reader may be gone: a child that exits without reading its input
    /// must not kill this process with SIGPIPE. The signal is blocked in this thread for the
    /// write and, when the write raised it (EPIPE), taken off the pending set; the disposition
    /// (inherited by children) is never changed.
    static func writeWithoutSIGPIPE(_ fd: Int32, _ bytes: ArraySlice<UInt8>) -> Int {
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous)
        var alreadyPending = sigset_t()
        sigpending(&alreadyPending)
        let wasPending = sigismember(&alreadyPending, SIGPIPE) == 1
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let error = errno
        var nowPending = sigset_t()
        sigpending(&nowPending)
        if written < 0 && error == EPIPE && !wasPending && sigismember(&nowPending, SIGPIPE) == 1 {
            var taken: Int32 = 0
            _ = sigwait(&pipeSignal, &taken)  // pending: returns at once
        }
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        errno = error
        return written
    }

    private func reap(blocking: Bool) -> TerminationStatus? {
        var raw: Int32 = 0
        while true {
            let rc = waitpid(pid, &raw, blocking ? 0 : WNOHANG)
            if rc == pid { break }
            if rc == 0 { return nil }
            if Errno.current == EINTR { continue }
            return nil
        }
        let signal = raw & 0x7f
        return signal == 0 ? .exited((raw >> 8) & 0xff) : .signaled(signal)
    }
}

/// Keeps up to `limit` bytes and reads (and drops) the rest.
struct BoundedBuffer {
    let limit: Int
    var bytes: [UInt8] = []

    init(limit: Int) { self.limit = limit }

    /// Reads once; false at end of file or on a hard error.
    mutating func read(from fd: Int32) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                let room = max(0, limit - bytes.count)
                bytes.append(contentsOf: chunk[0..<min(room, count)])
                return true
            }
            if count < 0 && Errno.current == EINTR { continue }
            return count < 0 && Errno.current == EAGAIN
        }
    }
}

/// Calls `body` with a NULL-terminated `char *[]` for `strings`.
func withCStringArray<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
    var pointers = strings.map { strdup($0) }
    pointers.append(nil)
    defer { for pointer in pointers { free(pointer) } }
    return pointers.withUnsafeBufferPointer { buffer in
        // The buffer holds at least the terminating NULL, so it has a base address.
        guard let base = buffer.baseAddress else { preconditionFailure("empty argv buffer") }
        return body(base)
    }
}
