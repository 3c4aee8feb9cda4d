import TandemCore

/// Times a closure over several rounds and summarises the wall times (shared by benchmarks).
struct BenchmarkTimer {
    /// Milliseconds per round.
    private(set) var samples: [Double] = []

    /// Runs `body` once untimed (warm-up), then `rounds` times timed.
    static func measure(rounds: Int, _ body: () throws -> Void) rethrows -> BenchmarkTimer {
        var timer = BenchmarkTimer()
        try body()
        for _ in 0..<max(1, rounds) {
            let start = MonotonicInstant.now()
            try body()
            timer.samples.append(Double(MonotonicInstant.now().nanoseconds - start.nanoseconds) / 1_000_000)
        }
        return timer
    }

    var minimum: Double { samples.min() ?? 0 }

    var median: Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2]
                                     : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}

/// Fixed-point text without Foundation's String(format:).
func formatted(_ value: Double, decimals: Int = 2) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = Int((value * scale).rounded())
    let whole = scaled / Int(scale), fraction = abs(scaled % Int(scale))
    let digits = String(fraction)
    let sign = value < 0 && whole == 0 ? "-" : ""
    return decimals == 0 ? "\(sign)\(whole)" : "\(sign)\(whole)." + String(repeating: "0", count: decimals - digits.count) + digits
}

/// Pads `text` on the left (numbers) or right (labels) to `width`.
func padded(_ text: String, _ width: Int, left: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - text.count))
    return left ? fill + text : text + fill
}
