import Foundation
import Glibc
import Testing
import TandemCore

/// Every cluster suite is nested in this one, so that they run one after another (there is
/// one namespace cluster per machine) while the other test targets run in parallel.
///
/// The suites need root (namespaces, mounts). Off CI a non-root run skips them; under CI
/// (`CI` set) they always run, so a CI that lost root fails instead of passing silently.
@Suite(.serialized, .enabled(if: ClusterLabGate.canRun, "needs root (network namespaces); CI always runs it"))
enum ClusterLab {
    /// Boots a fresh cluster of `size` nodes for `body` and tears it down afterwards, also
    /// when `body` fails (the harness sweeps leftovers of an interrupted run when booting).
    static func withCluster<T>(_ size: Int, _ body: (NSCluster) throws -> T) throws -> T {
        let cluster = try NSCluster.up(size)
        defer { NSCluster.down() }
        return try body(cluster)
    }
}

/// Whether the cluster suites run here (kept outside `ClusterLab`: its own attribute
/// cannot refer to it).
enum ClusterLabGate {
    static var canRun: Bool { getuid() == 0 || ProcessInfo.processInfo.environment["CI"] != nil }
}

/// Which agent carries the floating IP: `ocf:tandem:floating-ip` once it is installed,
/// Pacemaker's `ocf:heartbeat:IPaddr2` until then (the harness says so loudly).
enum VIPAgent {
    /// The agent the harness picks (`nscluster vip-agent`: `$VIP_AGENT`, else ours when
    /// installed, else IPaddr2), checked against the tree: once the floating-ip agent is
    /// part of the package, the tests must run it, not silently fall back.
    static func selected() throws -> String {
        let result = try NSCluster.harness(["vip-agent"])
        let agent = result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        if !result.stderrText.isEmpty { print(result.stderrText, terminator: "") }
        let ours = FileManager.default.fileExists(
            atPath: NSCluster.repositoryRoot.appendingPathComponent("Sources/floating-ip").path)
        if ours && ProcessInfo.processInfo.environment["VIP_AGENT"] == nil && agent != "ocf:tandem:floating-ip" {
            throw NSCluster.Failure("Sources/floating-ip exists but ocf:tandem:floating-ip is not installed "
                                    + "(make test installs AGENTS before the tests); the VIP would run on \(agent)")
        }
        print("cluster tests: the floating IP runs on \(agent)")
        return agent
    }

    /// The crm primitive for the floating IP (IPaddr2's parameter names, which ours keeps).
    static func primitive(_ id: String = "p_vip", agent: String, monitorSeconds: Int = 5) -> String {
        "primitive \(id) \(agent) params ip=\(NSCluster.vip) cidr_netmask=24 nic=eth0 "
            + "op monitor interval=\(monitorSeconds)s timeout=20s"
    }
}

extension ClusterStatus {
    /// The operations Pacemaker recorded for `resource` on `node` (all instances of a clone).
    func operations(of resource: String, on node: String) -> [OperationHistory] {
        nodeHistory.first { $0.node == node }?.resources
            .filter { $0.id == resource || $0.id.hasPrefix(resource + ":") }
            .flatMap { $0.operations } ?? []
    }

    /// The agent crm_mon names for primitive `id`.
    func agent(of id: String) -> String? { primitives(matching: id).first?.agent?.description }

    /// True when no resource action is in flight.
    var isIdle: Bool { pendingOperations.isEmpty }
}
