import Glibc
import TandemCore

// tandem-crm-wait: waits until the cluster status (crm_mon XML, read with TandemCore's
// parser) meets every condition given, or a timeout passes. Used by the storage lab on the
// guests; `--stdin` evaluates one document read from standard input instead. A query
// (`--nodes`, `--failure-reason`, `--failed-ops`) answers once instead of waiting: the lab reads crm_mon only
// through this tool.
let usage = """
    usage: tandem-crm-wait [--timeout SECONDS] [--interval SECONDS] [--stdin] CONDITION...
           tandem-crm-wait [--stdin] --nodes RSC ROLE | --failure-reason OP_KEY NODE | --failed-ops RSC NODE
    conditions (all must hold):
      --online NODE            --offline NODE           --dc          --quorum
      --started RSC NODE       --promoted RSC NODE      --stopped RSC --settled (no pending action)
    queries (one, answered at once on one line, empty when there is nothing):
      --nodes RSC ROLE         the nodes where RSC's instances are in ROLE (Promoted, Unpromoted,
                               Started, or Master/Slave), sorted, space-separated
      --failure-reason OP_KEY NODE   the exit reason of the failed operation (p_drbd_start_0)
      --failed-ops RSC NODE    RSC's failed operations on NODE as OP_KEY@NODE (RSC, NODE: * for all)
    exit: 0 met (or answered), 1 not met (timeout, or --stdin), 2 usage,
      3 unreadable crm_mon output (--stdin, or crm_mon failing for a query)
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
var query: StatusQuery?
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
    case _ where StatusQuery.options.contains(option):
        guard query == nil, let parsed = StatusQuery(option: option, arguments: Array(arguments.prefix(2))) else {
            fail("\(option) needs two arguments (a role: Promoted, Unpromoted, Started, ...); one query at a time\n\(usage)", 2)
        }
        arguments = arguments.dropFirst(2)
        query = parsed
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
if query != nil, !conditions.isEmpty { fail("a query is asked alone, without conditions\n\(usage)", 2) }
guard !conditions.isEmpty || query != nil else { fail("no condition given\n\(usage)", 2) }

/// Evaluates every condition; returns the unmet ones with what was seen.
func unmet(_ conditions: [ClusterCondition], in status: ClusterStatus) -> [String] {
    conditions.compactMap { condition in
        let (met, seen) = condition.evaluate(status)
        return met ? nil : "\(condition): \(seen)"
    }
}

/// The crm_mon document on standard input, parsed; exits 3 when it is unreadable.
func statusFromStdin() -> ClusterStatus {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = read(0, &buffer, buffer.count)
        if count <= 0 { break }
        bytes.append(contentsOf: buffer[0..<count])
    }
    do { return try CrmMonParser.parse(bytes: bytes) } catch { fail("cannot parse crm_mon XML: \(error)", 3) }
}

if let query {
    let status: ClusterStatus
    if fromStdin {
        status = statusFromStdin()
    } else {
        // One crm_mon run, bounded like a wait of the same length would be.
        let budget = OperationBudget(timeoutMilliseconds: Int(timeoutSeconds * 1000), started: .now(), reserveMilliseconds: 0)
        do {
            status = try CrmMonSource(runner: CommandRunner(budget: budget), capMilliseconds: 30_000).fetch()
        } catch {
            fail("crm_mon: \(error)", 3)
        }
    }
    print(query.answer(status))
    exit(0)
}

if fromStdin {
    let status = statusFromStdin()
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
