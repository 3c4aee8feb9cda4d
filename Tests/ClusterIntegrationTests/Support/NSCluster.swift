import Foundation
import Glibc
import TandemCore

/// A namespace cluster driven through `scripts/cluster/nscluster`, one command (an argv,
/// never a shell line) per step, through the project's own `CommandRunner`. The cluster's
/// state is read with `crm_mon --output-as=xml` taken on a node and parsed by `CrmMonParser`.
struct NSCluster {
    /// Why a step of a cluster test could not be done.
    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let script = repositoryRoot.appendingPathComponent("scripts/cluster/nscluster").path
    /// The floating address every scenario uses; only the switch namespace and the nodes see it.
    static let vip = "10.77.0.100"

    let size: Int
    var nodes: [String] { (1...size).map { "tnd-n\($0)" } }

    /// Boots `size` nodes (the harness first sweeps whatever an earlier run left behind) and
    /// returns once every node is online with a DC. The harness's watchdog tears the cluster
    /// down if this test process dies (killed or interrupted) before `down()`.
    static func up(_ size: Int) throws -> NSCluster {
        try harness(["up", String(size), "--owner", String(getpid())], timeoutSeconds: 120)
        return NSCluster(size: size)
    }

    /// Removes everything the harness made; safe to call at any time.
    static func down() {
        _ = try? harness(["down"], timeoutSeconds: 60, check: false)
    }

    /// Runs the harness with `arguments`; with `check`, a non-zero exit is a `Failure`.
    @discardableResult
    static func harness(_ arguments: [String], input: String? = nil, environment: [String: String] = [:],
                        timeoutSeconds: Int = 60, check: Bool = true) throws -> CommandResult {
        let runner = CommandRunner(budget: OperationBudget(timeoutMilliseconds: timeoutSeconds * 1000,
                                                           reserveMilliseconds: 0))
        let result = try runner.run(Command(script, arguments, environment: environment,
                                            input: input.map { Array($0.utf8) }))
        if check && !result.succeeded {
            throw Failure("nscluster \(arguments.joined(separator: " ")): \(result.status)"
                          + (result.timedOut ? " (timed out)" : "")
                          + "\nstdout: \(result.stdoutText)\nstderr: \(result.stderrText)")
        }
        return result
    }

    /// Runs `arguments` inside `node`.
    @discardableResult
    func exec(_ node: String, _ arguments: [String], input: String? = nil, check: Bool = true) throws -> CommandResult {
        try Self.harness(["exec", node] + arguments, input: input, check: check)
    }

    /// Feeds `configuration` to `crm configure` on `node` (crmsh's usual "Blind faith"
    /// warning on stderr is expected; the exit status decides).
    func crmConfigure(on node: String = "tnd-n1", _ configuration: String) throws {
        try exec(node, ["crm", "configure"], input: configuration + "\ncommit\n")
    }

    /// The cluster as `node` sees it.
    func status(on node: String) throws -> ClusterStatus {
        let result = try exec(node, ["crm_mon", "-1", "--output-as=xml"], check: false)
        do {
            return try CrmMonParser.parse(bytes: result.stdout)
        } catch {
            throw Failure("crm_mon on \(node): \(error) (\(result.summary))")
        }
    }

    func powerOff(_ node: String) throws { try Self.harness(["poweroff", node]) }
    func boot(_ node: String) throws { try Self.harness(["boot", node], timeoutSeconds: 90) }
    func cut(_ node: String) throws { try Self.harness(["cut", node]) }
    func restore(_ node: String) throws { try Self.harness(["restore", node]) }

    /// One ping of `address` from the switch namespace (the clients' side of the LAN).
    func answersPing(_ address: String = NSCluster.vip) -> Bool {
        (try? Self.harness(["ping", address], check: false).succeeded) ?? false
    }

    /// Polls `node`'s view every 300 ms until `condition` holds.
    ///
    /// - Returns: the status that satisfied it.
    /// - Throws: `Failure` after `seconds`, with the last crm_mon summary and where the logs are.
    @discardableResult
    func waitUntil(_ what: String, on node: String = "tnd-n1", seconds: Double = 30,
                   _ condition: (ClusterStatus) -> Bool) throws -> ClusterStatus {
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(Int(seconds * 1000))
        var last = "no crm_mon answer"
        while true {
            do {
                let status = try status(on: node)
                if condition(status) { return status }
                last = Self.describe(status)
            } catch {
                last = "\(error)"
            }
            if clock.now >= deadline {
                let text = (try? exec(node, ["crm_mon", "-1", "-r"], check: false).stdoutText) ?? last
                throw Failure("timed out after \(seconds) s waiting for \(what) (as \(node) sees it):\n\(text)\n"
                              + "logs: /run/tandem-nscluster/nodes/*/{init.log,log-pacemaker/pacemaker.log}")
            }
            Thread.sleep(forTimeInterval: 0.3)
        }
    }

    /// Polls `probe` every 100 ms until it is true; returns the seconds it took.
    @discardableResult
    static func measure(_ what: String, seconds: Double, _ probe: () -> Bool) throws -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        while !probe() {
            if clock.now - start > .milliseconds(Int(seconds * 1000)) {
                throw Failure("timed out after \(seconds) s waiting for \(what)")
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let elapsed = clock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// A one-line summary of a status, for failure messages.
    static func describe(_ status: ClusterStatus) -> String {
        let nodes = status.nodes.map { "\($0.name):\($0.online ? "online" : "offline")" }.joined(separator: " ")
        let resources = status.resources.flatMap { $0.primitives }.map { "\($0.id)=\($0.role.rawValue)@\($0.nodeNames)" }
        return "dc=\(status.dcName ?? "none") quorum=\(status.hasQuorum) \(nodes) \(resources.joined(separator: " "))"
    }
}
