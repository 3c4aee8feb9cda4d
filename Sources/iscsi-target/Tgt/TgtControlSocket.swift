import Glibc
import TandemCore

/// tgtd's control socket: one connection per request, as tgtadm does, with no process
/// started and the CHAP secret only in the socket's bytes (never in argv, where `ps` shows it).
struct TgtControlSocket: Sendable {
    /// `$TGT_IPC_SOCKET.<port>` or `/var/run/tgtd/socket.<port>` (tgtadm's rule).
    let path: String

    init(controlPort: Int, environment: [String: String]) {
        let base = environment["TGT_IPC_SOCKET"].flatMap { $0.isEmpty ? nil : $0 } ?? "/var/run/tgtd/socket"
        path = "\(base).\(controlPort)"
    }

    enum Failure: Error, Sendable, CustomStringConvertible {
        /// Nothing listens: tgtd is not running (on this control port).
        case notRunning(path: String)
        /// The socket path does not fit a socket address: a configuration error.
        case pathTooLong(path: String)
        /// The deadline passed, or the connection broke.
        case unreachable(path: String, SystemError)
        case refused(TgtError, request: String)
        case malformedResponse(request: String)

        var description: String {
            switch self {
            case .notRunning(let path): "tgtd is not running (no daemon at \(path))"
            case .pathTooLong(let path): "tgtd's control socket path \(path) is longer than a socket address allows "
                + "(\(LocalStreamSocket.maximumPathLength) bytes): shorten TGT_IPC_SOCKET"
            case .unreachable(let path, let error) where error.code == EAGAIN || error.code == ETIMEDOUT:
                "tgtd at \(path) did not answer within the operation's timeout"
            case .unreachable(let path, let error): "tgtd at \(path) did not answer: \(error)"
            case .refused(let error, let request): "\(request): \(error)"
            case .malformedResponse(let request): "\(request): tgtd's answer was cut short"
            }
        }
    }

    /// Sends `request` and returns tgtd's text answer (empty for most changes).
    func send(_ request: TgtRequest, until deadline: MonotonicInstant) throws(Failure) -> String {
        let socket: LocalStreamSocket
        do {
            socket = try LocalStreamSocket(connectingTo: path, until: deadline)
        } catch where error.code == ENOENT || error.code == ECONNREFUSED {
            throw .notRunning(path: path)
        } catch where error.code == ENAMETOOLONG {
            throw .pathTooLong(path: path)
        } catch {
            throw .unreachable(path: path, error)
        }
        do {
            try socket.send(request.bytes)
            let header = try socket.receive(count: 8)
            guard header.count == 8 else { throw Failure.malformedResponse(request: request.summary) }
            let code = Self.uint32(header, at: 0)
            let length = Int(Self.uint32(header, at: 4))
            guard code == 0 else { throw Failure.refused(TgtError(code: code), request: request.summary) }
            guard length > 8 else { return "" }
            guard length <= 64 << 20 else { throw Failure.malformedResponse(request: request.summary) }
            let body = try socket.receive(count: length - 8)
            guard body.count == length - 8 else { throw Failure.malformedResponse(request: request.summary) }
            return String(decoding: body.prefix { $0 != 0 }, as: UTF8.self)
        } catch let failure as Failure {
            throw failure
        } catch let error as SystemError {
            throw .unreachable(path: path, error)
        } catch {
            throw .malformedResponse(request: request.summary)
        }
    }

    /// A `uint32_t` in the host's byte order, as tgtd writes it.
    private static func uint32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        var value: UInt32 = 0
        withUnsafeMutableBytes(of: &value) { for index in 0..<4 { $0[index] = bytes[offset + index] } }
        return value
    }
}
