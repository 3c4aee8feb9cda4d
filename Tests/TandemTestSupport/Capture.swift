import Glibc
import TandemNetwork

/// Frames seen on the peer's interface, captured in-process with a packet socket opened
/// inside the peer namespace (the socket stays there after the thread returns).
public final class Capture {
    private let socket: PacketSocket

    public struct Frame {
        public let bytes: [UInt8]
        /// Kernel receive time on the monotonic clock, milliseconds. The kernel stamps frames
        /// with CLOCK_REALTIME, which a time sync can step between two frames (CI saw a gap of
        /// -311 ms); each stamp is moved to the monotonic clock with the offset read next to it.
        public let milliseconds: Double
    }

    public init(_ lab: NamespaceLab, interface: String = "peer0") throws {
        socket = try NetworkNamespace.perform(in: lab.peer) {
            guard let link = try RouteNetlink().link(named: interface) else { throw LabError("no \(interface) in peer") }
            return try PacketSocket(interface: link.index, capturing: PacketSocket.allProtocols, receiveTimeoutMilliseconds: 100)
        }
    }

    /// Reads frames until `count` of them satisfy `matching` or `milliseconds` pass without
    /// reaching it; returns the matching ones.
    public func collect(_ count: Int, within milliseconds: Int, matching: ([UInt8]) -> Bool) throws -> [Frame] {
        var frames: [Frame] = []
        var start = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        func elapsed() -> Int {
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            return (now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1_000_000
        }
        while frames.count < count && elapsed() < milliseconds {
            guard let (bytes, stamp) = try socket.receive() else { continue }
            let offset = Self.realtimeAheadOfMonotonic()   // next to the stamp (a step in between still skews one gap)
            if matching(bytes) { frames.append(Frame(bytes: bytes, milliseconds: Double(stamp - offset) / 1_000_000)) }
        }
        return frames
    }

    /// CLOCK_REALTIME − CLOCK_MONOTONIC now, nanoseconds.
    static func realtimeAheadOfMonotonic() -> Int64 {
        var real = timespec(), mono = timespec()
        clock_gettime(CLOCK_REALTIME, &real)
        clock_gettime(CLOCK_MONOTONIC, &mono)
        return Int64(real.tv_sec - mono.tv_sec) * 1_000_000_000 + Int64(real.tv_nsec - mono.tv_nsec)
    }

    /// Gaps between consecutive frames, in milliseconds.
    public static func gaps(_ frames: [Frame]) -> [Double] {
        zip(frames.dropFirst(), frames).map { $0.milliseconds - $1.milliseconds }
    }
}
