/// The indented detail lines of a /proc/drbd minor: counters, resync progress, finish/speed.
enum DRBDProcDetails {
    private typealias Parse = DRBDFieldParser
    typealias Location = DRBDStateError.Location

    /// `ns:65496 nr:0 dw:0 dr:65496 al:8 bm:0 lo:0 pe:0 ua:0 ap:0 ep:1 wo:f oos:0`.
    static func counters(_ line: String, into minor: inout DRBDProcMinor, at: Location) throws(DRBDStateError) {
        for word in line.split(separator: " ") {
            guard let colon = word.firstIndex(of: ":") else {
                throw .malformedLine(.procDRBD, line: lineNumber(at), text: line, reason: "'\(word)' is not key:value")
            }
            let key = String(word[..<colon])
            let value = String(word[word.index(after: colon)...])
            if key == "wo" {
                minor.writeOrdering = try writeOrdering(value, at: at)
                continue
            }
            let field: WritableKeyPath<DRBDProcMinor, Int?>
            switch key {
            case "ns": field = \.networkSendKiB
            case "nr": field = \.networkReceiveKiB
            case "dw": field = \.diskWriteKiB
            case "dr": field = \.diskReadKiB
            case "al": field = \.activityLogUpdates
            case "bm": field = \.bitmapUpdates
            case "lo": field = \.localPending
            case "pe": field = \.pending
            case "ua": field = \.unacked
            case "ap": field = \.applicationPending
            case "ep": field = \.epochs
            case "oos": field = \.outOfSyncKiB
            default: continue
            }
            minor[keyPath: field] = try Parse.integer(value, key: key, at: at)
        }
    }

    /// `[===>................] sync'ed: 12.3% (88144/98304)K` (or `verified:`, or `M` units).
    static func progress(_ line: String, into minor: inout DRBDProcMinor, at: Location) throws(DRBDStateError) {
        guard let close = line.firstIndex(of: "]") else { return }
        var sync = minor.sync ?? DRBDSyncProgress()
        var words = line[line.index(after: close)...].split(separator: " ")[...]
        guard let label = words.popFirst(), label == "sync'ed:" || label == "verified:" else { return }
        guard let percent = words.popFirst(), percent.hasSuffix("%") else {
            throw .missingField(at: at, key: String(label))
        }
        sync.donePercent = try Parse.decimal(String(percent.dropLast()), key: String(label), at: at)
        if let amounts = words.popFirst(), amounts.hasPrefix("("), let close = amounts.firstIndex(of: ")") {
            let unit = amounts[amounts.index(after: close)...]
            let multiplier = unit == "M" ? 1024 : unit == "G" ? 1024 * 1024 : 1
            let numbers = amounts[amounts.index(after: amounts.startIndex)..<close].split(separator: "/")
            if numbers.count == 2 {
                sync.remainingKiB = try Parse.integer(String(numbers[0]), key: "sync'ed", at: at) * multiplier
                sync.totalKiB = try Parse.integer(String(numbers[1]), key: "sync'ed", at: at) * multiplier
            }
        }
        minor.sync = sync
    }

    /// `finish: 0:00:47 speed: 54,736 (54,736) K/sec`, 8.4 may add `want: 102,400 K/sec`.
    static func finish(_ line: String, into minor: inout DRBDProcMinor, at: Location) throws(DRBDStateError) {
        var sync = minor.sync ?? DRBDSyncProgress()
        let words = Array(line.split(separator: " "))
        for (index, word) in words.enumerated() where index + 1 < words.count {
            let value = String(words[index + 1])
            switch word {
            case "finish:": sync.finishSeconds = try duration(value, at: at)
            case "speed:": sync.speedKiBPerSecond = try Parse.integer(value.replacingAll(",", with: ""), key: "speed", at: at)
            case "want:": sync.wantKiBPerSecond = Double(try Parse.integer(value.replacingAll(",", with: ""), key: "want", at: at))
            default: continue
            }
        }
        minor.sync = sync
    }

    /// `h:mm:ss` as seconds.
    private static func duration(_ value: String, at: Location) throws(DRBDStateError) -> Int {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .invalidValue(at: at, key: "finish", value: value, expected: "h:mm:ss") }
        var seconds = 0
        for part in parts { seconds = seconds * 60 + (try Parse.integer(String(part), key: "finish", at: at)) }
        return seconds
    }

    /// `wo:` letters: b(io-barrier), f(lush), d(rain), n(one).
    private static func writeOrdering(_ value: String, at: Location) throws(DRBDStateError) -> DRBDWriteOrdering {
        switch value {
        case "b": return .bioBarrier
        case "f": return .flush
        case "d": return .drain
        case "n": return .none
        default: throw .unknownValue(at: at, key: "wo", value: value, vocabulary: DRBDWriteOrdering.vocabularyName)
        }
    }

    private static func lineNumber(_ location: Location) -> Int {
        if case .line(let number) = location { return number }
        return 0
    }
}
