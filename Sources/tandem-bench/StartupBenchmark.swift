import Glibc
import TandemCore

/// `tandem-bench startup AGENT [ROUNDS]`: the cost of one `meta-data` call of a Tandem
/// agent next to resource-agents' Dummy, run alternately in the same process so that
/// both see the same machine load. Wall time is spawn to reap; CPU time is the child's
/// user + system time (getrusage of the reaped children). Two floors put the figures in
/// proportion: `/bin/true` (exec of a small C program) and `tandem-bench noop` (exec of
/// a Swift program linked like the agents, doing nothing).
enum StartupBenchmark {
    struct Sample {
        var wallMicroseconds: [Int] = []
        var cpuMicroseconds: [Int] = []
    }

    static let dummy = "/usr/lib/ocf/resource.d/heartbeat/Dummy"

    static func run(_ arguments: [String]) -> Int32 {
        guard let agent = arguments.first else {
            StandardStreams().writeStderr("usage: tandem-bench startup AGENT [ROUNDS]\n")
            return 2
        }
        let rounds = arguments.dropFirst().first.flatMap { Int($0) } ?? 300
        let runner = CommandRunner(budget: OperationBudget(timeoutMilliseconds: 600_000, reserveMilliseconds: 0),
                                   environment: ["OCF_ROOT": "/usr/lib/ocf", "OCF_RESOURCE_INSTANCE": "bench"])
        let swiftFloor = CommandLine.arguments[0]
        let name = String(agent.split(separator: "/").last ?? Substring(agent))
        let subjects = [(name, Command(agent, ["meta-data"])), ("heartbeat/Dummy", Command(dummy, ["meta-data"])),
                        ("floor: Swift exec (noop)", Command(swiftFloor, ["noop"])),
                        ("floor: C exec (/bin/true)", Command("/bin/true"))]
        var samples = Array(repeating: Sample(), count: subjects.count)
        for (_, command) in subjects { _ = try? runner.run(command) }  // warm the page cache
        for _ in 0..<rounds {
            for index in subjects.indices where !measure(subjects[index].1, runner: runner, into: &samples[index]) {
                StandardStreams().writeStderr("tandem-bench: \(subjects[index].1) failed\n")
                return 1
            }
        }
        let ours = samples[0], theirs = samples[1]
        var table = "meta-data start-up, \(rounds) rounds each, interleaved (microseconds)\n"
        table += pad("command", 28) + pad("wall min", 10) + pad("wall median", 13) + pad("cpu median", 12) + "\n"
        for (index, subject) in subjects.enumerated() {
            let (label, sample) = (subject.0, samples[index])
            table += pad(label, 28) + pad(String(sample.wallMicroseconds.min() ?? 0), 10)
                + pad(String(median(sample.wallMicroseconds)), 13) + pad(String(median(sample.cpuMicroseconds)), 12) + "\n"
        }
        let wallRatio = Double(median(theirs.wallMicroseconds)) / Double(max(1, median(ours.wallMicroseconds)))
        let cpuRatio = Double(median(theirs.cpuMicroseconds)) / Double(max(1, median(ours.cpuMicroseconds)))
        table += "Dummy / \(name): wall \(format(wallRatio))x, cpu \(format(cpuRatio))x (target: wall >= 3x)\n"
        StandardStreams().writeStdout(table)
        return 0
    }

    private static func measure(_ command: Command, runner: CommandRunner, into sample: inout Sample) -> Bool {
        let before = childrenCPU()
        let started = MonotonicInstant.now()
        guard let result = try? runner.run(command), result.succeeded else { return false }
        sample.wallMicroseconds.append(Int((MonotonicInstant.now().nanoseconds - started.nanoseconds) / 1_000))
        sample.cpuMicroseconds.append(childrenCPU() - before)
        return true
    }

    private static func childrenCPU() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
        return Int(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1_000_000
            + Int(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec)
    }
}

func median(_ values: [Int]) -> Int {
    guard !values.isEmpty else { return 0 }
    return values.sorted()[values.count / 2]
}

func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
}

func format(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
}
