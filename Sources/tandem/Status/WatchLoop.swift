import Glibc

/// `--watch`: draws a frame, waits, draws again, until Ctrl-C (SIGINT) or SIGTERM.
///
/// The two signals are blocked and taken with `sigtimedwait`, which is also the wait between
/// frames: no handler and no global flag, and a signal during a frame ends the loop after that
/// frame. Commands run in their own session with an empty mask (TandemCore's Exec), so Ctrl-C
/// does not reach crm_mon half-way.
struct WatchLoop {
    let intervalSeconds: Int
    let interactive: Bool

    /// - Parameter frame: renders one frame.
    /// - Returns: the signal that ended the loop.
    func run(_ frame: () -> String) -> Int32 {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &signals, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        // The alternate screen keeps the shell's scrollback as it was; the cursor is hidden
        // while frames are drawn. Both are undone on the way out.
        if interactive { StandardStreams.write("\u{1B}[?1049h\u{1B}[?25l") }
        defer { if interactive { StandardStreams.write("\u{1B}[?25h\u{1B}[?1049l") } }
        while true {
            let text = frame()
            StandardStreams.write(interactive ? Terminal.redraw(text) : text + "\n")
            var timeout = timespec(tv_sec: max(intervalSeconds, 1), tv_nsec: 0)
            while true {
                let received = sigtimedwait(&signals, nil, &timeout)
                if received > 0 { return received }
                if errno == EAGAIN { break }
                if errno != EINTR { return 0 }
            }
        }
    }
}
