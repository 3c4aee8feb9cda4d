/// Follows a running `drbdsetup events2 [--timestamps] [--statistics]` (without `--now`):
/// bytes go in as they arrive, in chunks of any size; complete lines update the per-resource
/// state and each reports which resource changed.
///
/// Use: `feed(_:)` each chunk read from the pipe, then call `next()` until it returns `nil`
/// (no complete line left). A line that fails throws from `next()` and is consumed, so the
/// caller may log it and keep calling `next()`; the state stays as before that line.
public struct DRBDEventsStream: Sendable {
    /// The default longest line accepted; real lines are a few hundred bytes.
    public static let defaultLineLimit = 64 * 1024

    private var state = DRBDEventsState()
    private var buffer: [UInt8] = []
    /// Start of the unprocessed part of `buffer` (consumed bytes are dropped lazily).
    private var start = 0
    /// Where to resume looking for a newline, so a long line arriving in many chunks is scanned once.
    private var scanFrom = 0
    private var lineNumber = 0
    /// After an over-long line: drop bytes until its newline.
    private var discarding = false
    private let lineLimit: Int

    /// A stream with no state yet.
    ///
    /// - Parameter lineLimit: longest line accepted (bytes, without the newline).
    public init(lineLimit: Int = DRBDEventsStream.defaultLineLimit) {
        self.lineLimit = max(1, lineLimit)
    }

    /// Every resource currently known, in the order they appeared.
    public var resources: [DRBDResource] { state.resources }

    /// True once the initial `exists … / exists -` dump has been read.
    public var isInitialStateComplete: Bool { state.initialStateComplete }

    /// True when bytes of an unfinished line are buffered (at end of input: the output was cut).
    public var hasPartialLine: Bool { start < buffer.count || discarding }

    /// The current state of one resource; `nil` when DRBD has not reported it (or destroyed it).
    ///
    /// - Parameter name: the resource name.
    public func resource(named name: String) -> DRBDResource? { state.resource(named: name) }

    /// Appends bytes as read from the pipe; lines may be split anywhere, even inside UTF-8.
    ///
    /// - Parameter bytes: the next chunk.
    public mutating func feed(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// Processes buffered lines until one changes the state.
    ///
    /// - Returns: what that line did, or `nil` when no complete line is left.
    /// - Throws: `DRBDStateError` for a line that cannot be applied (consumed; call again to go on),
    ///   or `.lineTooLong` once for a line longer than the limit (its rest is skipped).
    public mutating func next() throws(DRBDStateError) -> DRBDEventsUpdate? {
        while let text = try takeLine() {
            if let update = try process(line: text) { return update }
        }
        return nil
    }

    /// Applies one complete line directly (without its newline), e.g. from a line-based reader.
    ///
    /// - Parameter text: the line.
    /// - Returns: what it did, or `nil` for an ignored line (blank, helper call, path…).
    /// - Throws: `DRBDStateError` when the line cannot be applied; the state is unchanged.
    public mutating func process(line text: String) throws(DRBDStateError) -> DRBDEventsUpdate? {
        lineNumber += 1
        guard let line = try DRBDEventsLine.parse(text[...], number: lineNumber) else { return nil }
        return try state.apply(line)
    }

    /// The next complete line from the buffer, or `nil` when there is none yet.
    private mutating func takeLine() throws(DRBDStateError) -> String? {
        while true {
            guard let newline = buffer[scanFrom...].firstIndex(of: 0x0a) else {
                scanFrom = buffer.count
                if discarding {
                    dropConsumed(upTo: buffer.count)
                } else if buffer.count - start > lineLimit {
                    // Report once, then skip to the newline: memory stays bounded by the limit.
                    discarding = true
                    lineNumber += 1
                    dropConsumed(upTo: buffer.count)
                    throw .lineTooLong(line: lineNumber, limit: lineLimit)
                }
                return nil
            }
            let lineStart = start
            if discarding {
                discarding = false
                dropConsumed(upTo: newline + 1)
                continue
            }
            if newline - lineStart > lineLimit {
                lineNumber += 1
                dropConsumed(upTo: newline + 1)
                throw .lineTooLong(line: lineNumber, limit: lineLimit)
            }
            // drbdsetup prints ASCII; anything else decodes with U+FFFD and fails as an unknown word.
            let text = String(decoding: buffer[lineStart..<newline], as: UTF8.self)
            dropConsumed(upTo: newline + 1)
            return text
        }
    }

    /// Marks bytes before `end` consumed; drops them once they are at least half the buffer,
    /// so each byte is moved a bounded number of times.
    private mutating func dropConsumed(upTo end: Int) {
        start = end
        scanFrom = max(scanFrom, end)
        if start > 0, start * 2 >= buffer.count {
            buffer.removeFirst(start)
            scanFrom -= start
            start = 0
        }
    }
}
