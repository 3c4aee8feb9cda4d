import Foundation
import Glibc
import TandemTestSupport

/// Captures the bytes the real tgtadm sends for one command: a listening socket stands in
/// for tgtd (at `$TGT_IPC_SOCKET.<port>`), answers "success" and keeps what it read. Used to
/// check that the agent's requests are byte for byte tgtadm's.
enum TgtadmSpy {
    static func bytes(of arguments: [String]) throws -> [UInt8] {
        let directory = try TestCommands.temporaryDirectory("tgtadm-spy")
        defer { TestCommands.removeDirectory(directory) }
        let path = directory + "/sock.5"
        let listener = socket(AF_LOCAL, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw LabError("socket: \(errno)") }
        defer { close(listener) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_LOCAL)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.utf8.enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0, listen(listener, 1) == 0 else { throw LabError("bind/listen: \(errno)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/tgtadm")
        process.arguments = ["-C", "5"] + arguments
        process.environment = ["TGT_IPC_SOCKET": directory + "/sock"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.waitUntilExit() }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(listener, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connection = accept(listener, nil, nil)
        guard connection >= 0 else { throw LabError("tgtadm did not connect: \(errno)") }
        defer { close(connection) }
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var received: [UInt8] = []
        var expected = 120
        while received.count < expected {
            var chunk = [UInt8](repeating: 0, count: expected - received.count)
            let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received += chunk[0..<count]
            if received.count >= 76 {
                expected = Int(UInt32(received[72]) | UInt32(received[73]) << 8 | UInt32(received[74]) << 16 | UInt32(received[75]) << 24)
            }
        }
        var answer: [UInt8] = [0, 0, 0, 0, 8, 0, 0, 0]
        _ = answer.withUnsafeMutableBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        return received
    }
}
