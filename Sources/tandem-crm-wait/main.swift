import Glibc
import TandemCore

// tandem-crm-wait: waits until the cluster status (crm_mon XML, read with TandemCore's
// parser) meets every condition given, or a timeout passes. Used by the storage lab on the
// guests; `--stdin` evaluates one document read from standard input instead.
let usage = """
    usage: tandem-crm-wait [--timeout SECONDS] [--interval SECONDS] [--stdin] CONDITION...
    conditions (all must hold):
      --online NODE            --offline NODE           --dc          --quorum
      --started RSC NODE       --promoted RSC NODE      --stopped RSC --settled (no pending action)
    exit: 0 met, 1 not met (timeout, or --stdin), 2 usage, 3 unreadable crm_mon output (--stdin)
    """

func fail(_ message: String, _ code: Int32) -> Never {
    let line = Array("tandem-crm-wait: \(message)\n".utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(code)
}

var timeoutSeconds = 60.0
var intervalSeconds = 1.0
var fromStdin = false
var conditions: [ClusterCondition] = []
var arguments = Array(CommandLine.arguments.dropFirst())[...]
while let option = arguments.popFirst() {
    switch option {
    case "--timeout", "--interval":
        guard let text = arguments.popFirst(), let value = Double(text), value > 0 else {
            fail("\(option) needs a positive number\n\(usage)", 2)
        }
        if option == "--timeout" { timeoutSeconds = value } else { intervalSeconds = value }
    case "--stdin":
        fromStdin = true
    case "-h", "--help":
        print(usage)
        exit(0)
    default:
        guard let count = ClusterCondition.arity[option], arguments.count >= count,
              let condition = ClusterCondition(option: option, arguments: Array(arguments.prefix(count))) else {
            fail("bad condition '\(option)'\n\(usage)", 2)
        }
        arguments = arguments.dropFirst(count)
        conditions.append(condition)
    }
}
guard !conditions.isEmpty else { fail("no condition given\n\(usage)", 2) }

/// Evaluates every condition; returns the unmet ones with what was seen.
func unmet(_ conditions: [ClusterCondition], in status: ClusterStatus) -> [String] {
    conditions.compactMap { condition in
        let (met, seen) = condition.evaluate(status)
        return met ? nil : "\(condition): \(seen)"
    }
}

if fromStdin {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = read(0, &buffer, buffer.count)
        if count <= 0 { break }
        bytes.append(contentsOf: buffer[0..<count])
    }
    let status: ClusterStatus
    do { status = try CrmMonParser.parse(bytes: bytes) } catch { fail("cannot parse crm_mon XML: \(error)", 3) }
    let missing = unmet(conditions, in: status)
    if missing.isEmpty { print("met: \(conditions.map(\.description).joined(separator: "; "))"); exit(0) }
    print("not met: \(missing.joined(separator: "; "))")
    exit(1)
}

let started = MonotonicInstant.now()
let timeoutMilliseconds = Int(timeoutSeconds * 1000)
let budget = OperationBudget(timeoutMilliseconds: timeoutMilliseconds + 1000, started: started, reserveMilliseconds: 0)
let source = CrmMonSource(runner: CommandRunner(budget: budget), capMilliseconds: 30_000)
var lastSeen = "no crm_mon output yet"
while true {
    do {
        let status = try source.fetch()
        let missing = unmet(conditions, in: status)
        if missing.isEmpty {
            let elapsed = Double(started.milliseconds(until: .now())) / 1000
            print("met after \(elapsed)s: \(conditions.map(\.description).joined(separator: "; "))")
            exit(0)
        }
        lastSeen = missing.joined(separator: "; ")
    } catch {
        lastSeen = "crm_mon: \(error)"
    }
    let left = timeoutMilliseconds - started.milliseconds(until: .now())
    if left <= 0 { break }
    usleep(useconds_t(min(Double(left), intervalSeconds * 1000) * 1000))
}
print("timed out after \(timeoutSeconds)s; not met: \(lastSeen)")
exit(1)
