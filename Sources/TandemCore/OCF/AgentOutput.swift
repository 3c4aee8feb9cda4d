import Glibc

/// Where an agent's stdout (meta-data, usage) and stderr (exit reasons) go.
public protocol AgentOutput: Sendable {
    func writeStdout(_ text: String)
    func writeStderr(_ text: String)
}

/// File descriptors 1 and 2, written unbuffered so nothing is lost at `exit`.
public struct StandardStreams: AgentOutput {
    public init() {}
    public func writeStdout(_ text: String) { Self.write(text, to: 1) }
    public func writeStderr(_ text: String) { Self.write(text, to: 2) }

    static func write(_ text: String, to fd: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written > 0 { bytes = bytes.dropFirst(written) }
            else if written < 0 && Errno.current == EINTR { continue }
            else { return }
        }
    }
}
