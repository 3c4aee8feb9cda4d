import Foundation
import Testing
import TandemCore
import TandemTestSupport

extension ClusterLab {
    /// The SAN's job on the namespace cluster: Tandem's iscsi-target (tgt, tgtd on each node
    /// as its unit would run it) and floating IP as a group; a userspace initiator on the
    /// switch writes a pattern through the portal, the active node loses power, the pattern
    /// reads back from the survivor. The target admits only that initiator, with CHAP; a wrong
    /// secret, none, or another initiator with the right one is refused, on either node. A file on the host stands for the shared disk.
    @Suite struct SANFailoverTests {
        static let iqn = "iqn.2026-01.org.tandem:cluster-test"
        /// The name scripts/tools/iscsi-pattern logs in with.
        static let initiator = "iqn.2026-01.org.tandem:iscsi-pattern"
        /// libiscsi takes the account from its environment: the secret stays out of argv.
        static func chap(_ secret: String) -> [String: String] {
            ["LIBISCSI_CHAP_USERNAME": "tandem", "LIBISCSI_CHAP_PASSWORD": secret]
        }

        @Test func targetAndIPFailOverAndTheDataReadsBack() throws {
            let agent = try VIPAgent.selected()
            let tool = try InitiatorTool.build()
            let directory = "/var/lib/tandem-cluster-test-\(getpid())"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let disk = directory + "/lun1.img"
            let secret = "Cluster-chap-\(UInt32.random(in: 1..<UInt32.max))"
            try TestCommands.check("truncate", ["-s", "16M", disk])
            try ClusterLab.withCluster(2) { cluster in
                for node in cluster.nodes {
                    try cluster.exec(node, ["tgtd"])
                    // It daemonizes before its control socket listens.
                    let ready: Bool? = try OperationBudget(timeoutMilliseconds: 10_000, reserveMilliseconds: 0).poll(every: 100) {
                        try cluster.exec(node, ["tgtadm", "--op", "show", "--mode", "target"], check: false).succeeded ? true : nil
                    }
                    try #require(ready == true, "tgtd on \(node) answers")
                }
                try cluster.crmConfigure("""
                    primitive p_target ocf:tandem:iscsi-target params implementation=tgt iqn=\(Self.iqn) tid=1 \
                        luns="1:\(disk)" allowed_initiators=\(Self.initiator) incoming_username=tandem \
                        incoming_password=\(secret) op monitor interval=5s timeout=20s
                    \(VIPAgent.primitive(agent: agent))
                    group g_san p_target p_vip
                    rsc_defaults resource-stickiness=100
                    """)
                let settled = try cluster.waitUntil("g_san started", on: "tnd-n1") { status in
                    let at = status.startedNodes(of: "p_vip")
                    return at.count == 1 && status.startedNodes(of: "p_target") == at && status.isIdle
                }
                let active = settled.startedNodes(of: "p_vip")[0]
                let survivor = cluster.nodes.first { $0 != active } ?? ""
                #expect(settled.agent(of: "p_target") == "ocf:tandem:iscsi-target")
                let url = "iscsi://\(NSCluster.vip)/\(Self.iqn)/1"
                let seed = String(UInt32.random(in: 1..<UInt32.max))
                let written = try NSCluster.harness(["switch", tool, "write", url, "0", "512", seed],
                                                    environment: Self.chap(secret))
                #expect(written.stdoutText.hasPrefix("wrote 512 blocks"), "\(written.stdoutText)")
                try Self.expectRefused(url, secret: secret + "x", on: active, tool: tool)
                try Self.expectRefused(url, secret: secret, as: "iqn.2026-01.org.tandem:not-admitted", on: active, tool: tool)
                // Discovery through the VIP lists the target to the admitted initiator.
                let discovery = try NSCluster.harness(["switch", "iscsi-ls", "-i", Self.initiator, "iscsi://\(NSCluster.vip)"])
                #expect(discovery.stdoutText.contains(Self.iqn), "\(discovery.stdoutText)")

                try cluster.powerOff(active)
                let read = try NSCluster.harness(["switch", tool, "verify", url, "0", "512", seed, "60000"],
                                                 environment: Self.chap(secret), timeoutSeconds: 90, check: false)
                #expect(read.succeeded, "the data from \(survivor): \(read.stdoutText) \(read.stderrText)")
                print("SAN failover (tgt, \(agent)): \(read.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines))")
                let after = try cluster.status(on: survivor)
                #expect(after.startedNodes(of: "p_target") == [survivor] && after.startedNodes(of: "p_vip") == [survivor])

                // A wrong seed is told apart (the check would see stale or misplaced data).
                let wrong = try NSCluster.harness(["switch", tool, "verify", url, "0", "1", "1"],
                                                  environment: Self.chap(secret), check: false)
                #expect(wrong.status == .exited(1))
                try Self.expectRefused(url, secret: "", on: survivor, tool: tool)
                try Self.expectRefused(url, secret: secret, as: "iqn.2026-01.org.tandem:not-admitted", on: survivor, tool: tool)
            }
        }

        /// A login with `secret` (none when empty), as `initiator` when given, is refused by the
        /// target: iscsi-pattern's exit 2 with the login status libiscsi read (not a connection
        /// failure, which would pass without a target).
        static func expectRefused(_ url: String, secret: String, as initiator: String? = nil, on node: String,
                                  tool: String) throws {
            var environment = secret.isEmpty ? [:] : chap(secret)
            if let initiator { environment["ISCSI_PATTERN_INITIATOR"] = initiator }
            let refused = try NSCluster.harness(["switch", tool, "verify", url, "0", "1", "1"],
                                                environment: environment, check: false)
            let attempt = initiator.map { "as \($0)" } ?? (secret.isEmpty ? "without CHAP" : "with a wrong secret")
            // libiscsi: "Failed to log in to target. Status: Authentication failure(513)" etc.
            let statuses = initiator == nil ? ["Authentication failure", "Authorization failure"]
                                            : ["Authorization failure", "Target not found"]
            #expect(refused.status == .exited(2) && statuses.contains { refused.stderrText.contains($0) },
                    "a login \(attempt) on \(node): \(refused.status) \(refused.stderrText)")
        }
    }
}
