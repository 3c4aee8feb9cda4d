/// Reads /proc/drbd of DRBD 8.3/8.4 (per-minor lines) and DRBD 9 (version lines only).
///
/// Indented lines under a minor that this reader does not model (`resync:`/`act_log:`
/// details, verify positions) are skipped; anything else unexpected is an error.
public enum DRBDProcReader {
    private typealias Parse = DRBDFieldParser

    /// Parses the whole file.
    ///
    /// - Parameter text: the contents of /proc/drbd.
    /// - Returns: version and minors.
    /// - Throws: `DRBDStateError` — `.emptyInput`, `.malformedLine` (e.g. no `version:` first),
    ///   `.missingField`, `.unknownValue`, … with the line number.
    public static func parse(_ text: String) throws(DRBDStateError) -> DRBDProcStatus {
        var header: DRBDProcStatus?
        var minors: [DRBDProcMinor] = []
        var unconfigured: [Int] = []
        var current: DRBDProcMinor?
        var number = 0
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            number += 1
            let line = raw.trimmingWhitespace()
            if line.isEmpty { continue }
            guard header != nil else {
                header = try versionLine(line, number: number)
                continue
            }
            let indented = raw.first == " " || raw.first == "\t"
            if let minorNumber = minorNumber(of: line) {
                if let done = current { minors.append(done) }
                current = try minorLine(line, minor: minorNumber, number: number)
                if current == nil { unconfigured.append(minorNumber) }
            } else if !indented {
                // Top-level lines after `version:` that carry no state.
                let known = ["srcversion:", "GIT-hash:", "Transports"].contains { line.hasPrefix($0) }
                guard known else { throw malformed(line, number, "unexpected line") }
            } else if current != nil {
                try detailLine(line, into: &current, number: number)
            } else {
                throw malformed(line, number, "indented line outside a configured minor")
            }
        }
        guard var status = header else { throw .emptyInput(.procDRBD) }
        if let done = current { minors.append(done) }
        status.minors = minors
        status.unconfiguredMinors = unconfigured
        return status
    }

    /// Only the module version from the first line (`version: 8.4.11 (api:1/proto:86-101)`),
    /// for a caller that needs no minors; nil when the text does not start with it.
    public static func version(in text: String) -> String? {
        guard let first = text.split(whereSeparator: \.isNewline).first else { return nil }
        return try? versionLine(first.trimmingWhitespace(), number: 1).version
    }

    // MARK: - Lines

    /// `version: 8.4.11 (api:1/proto:86-101)`.
    private static func versionLine(_ line: String, number: Int) throws(DRBDStateError) -> DRBDProcStatus {
        let words = line.split(separator: " ")
        guard words.count >= 2, words[0] == "version:" else {
            throw malformed(line, number, "expected 'version:' first")
        }
        var status = DRBDProcStatus(version: String(words[1]))
        if words.count >= 3, words[2].hasPrefix("("), words[2].hasSuffix(")") {
            for part in words[2].dropFirst().dropLast().split(separator: "/") {
                if part.hasPrefix("api:") { status.apiVersion = String(part.dropFirst(4)) }
                if part.hasPrefix("proto:") { status.protocolVersions = String(part.dropFirst(6)) }
            }
        }
        return status
    }

    /// The minor number when `line` starts with `N:` followed by a space or nothing.
    private static func minorNumber(of line: String) -> Int? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let digits = line[..<colon]
        let rest = line[line.index(after: colon)...]
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              rest.isEmpty || rest.first == " " else { return nil }
        return Int(digits)
    }

    /// `N: cs:… ro:…/… ds:…/… C r-----`; `nil` for `N: cs:Unconfigured`.
    private static func minorLine(_ line: String, minor: Int, number: Int) throws(DRBDStateError) -> DRBDProcMinor? {
        let at = DRBDStateError.Location.line(number)
        var fields: [String: String] = [:]
        var protocolLetter: Character?
        var flags: String?
        for word in line.split(separator: " ").dropFirst() {
            if let colon = word.firstIndex(of: ":") {
                fields[String(word[..<colon])] = String(word[word.index(after: colon)...])
            } else if word.count == 1, let letter = word.first, "ABC".contains(letter), protocolLetter == nil {
                protocolLetter = letter
            } else if flags == nil, word.allSatisfy({ $0 == "-" || ($0.isASCII && $0.isLowercase) }) {
                flags = String(word)
            } else {
                throw malformed(line, number, "unexpected '\(word)'")
            }
        }
        guard let cs = fields["cs"] else { throw .missingField(at: at, key: "cs") }
        if cs == "Unconfigured" { return nil }
        var notes: [String] = []
        let connection: ConnectionState
        let replication: ReplicationState
        if let state = ConnectionState.named(cs) {
            connection = state
            replication = state == .connected ? .established : .off
        } else if let state = ReplicationState.named(cs) {
            connection = .connected
            replication = state
        } else {
            // A word of a newer DRBD: noted; the agent leaves the score alone meanwhile.
            notes.append("\(ConnectionState.vocabularyName) '\(cs)' for cs (\(at))")
            (connection, replication) = (.unconnected, .off)
        }
        // `st:` is the pre-8.3 spelling of `ro:`. The role must parse: it is what monitor reports.
        guard let roles = fields["ro"] ?? fields["st"] else { throw .missingField(at: at, key: "ro") }
        let (role, peerRole) = try halves(roles, key: "ro", at: at).map { word throws(DRBDStateError) in
            try Parse.word(DRBDRole.self, word, key: "ro", at: at)
        }
        guard let disks = fields["ds"] else { throw .missingField(at: at, key: "ds") }
        let (disk, peerDisk) = try halves(disks, key: "ds", at: at).map { word in
            Parse.word(DiskState.self, word, key: "ds", at: at, unrecognized: &notes) ?? .unknown
        }
        var result = DRBDProcMinor(minor: minor, connection: connection, replication: replication, role: role,
                                   peerRole: peerRole, disk: disk, peerDisk: peerDisk,
                                   replicationProtocol: protocolLetter, ioFlags: flags ?? "")
        result.unrecognizedWords = notes
        return result
    }

    /// The two halves of a `local/peer` field.
    private static func halves(_ value: String, key: String,
                               at: DRBDStateError.Location) throws(DRBDStateError) -> Halves {
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw .invalidValue(at: at, key: key, value: value, expected: "local/peer")
        }
        return Halves(local: String(parts[0]), peer: String(parts[1]))
    }

    private struct Halves {
        let local: String
        let peer: String

        func map<T>(_ transform: (String) throws(DRBDStateError) -> T) throws(DRBDStateError) -> (T, T) {
            (try transform(local), try transform(peer))
        }
    }

    /// Counters (`ns:…`), progress (`[==>…] sync'ed: …`) and `finish:` lines of the current minor.
    private static func detailLine(_ line: String, into minor: inout DRBDProcMinor?,
                                   number: Int) throws(DRBDStateError) {
        guard var updated = minor else { return }
        if line.hasPrefix("ns:") {
            try DRBDProcDetails.counters(line, into: &updated, at: .line(number))
        } else if line.hasPrefix("[") {
            try DRBDProcDetails.progress(line, into: &updated, at: .line(number))
        } else if line.hasPrefix("finish:") {
            try DRBDProcDetails.finish(line, into: &updated, at: .line(number))
        }
        minor = updated
    }

    private static func malformed(_ line: String, _ number: Int, _ reason: String) -> DRBDStateError {
        .malformedLine(.procDRBD, line: number, text: line, reason: reason)
    }
}
