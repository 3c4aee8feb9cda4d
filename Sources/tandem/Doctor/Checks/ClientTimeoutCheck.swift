/// A client's path-loss tolerance against the time a failover of an IP-based SAN takes:
/// with the service IPs moving between nodes every path is down until the stack is up on the
/// survivor, so iSCSI and multipath must wait that long or the filesystem gets I/O errors.
///
/// The failover is bounded below by corosync's detection (token + consensus) and any fencing
/// delay, and above by what Pacemaker allows: that, plus stonith-timeout, the DRBD promote
/// timeout and each service's start timeout.
struct ClientTimeoutCheck: DoctorCheck {
    /// Corosync 3's defaults: token 3000 ms, consensus 1.2 × token.
    static let defaultTokenMilliseconds = 3000
    /// Pacemaker's defaults: stonith-timeout 60 s, an operation without a timeout (of its own
    /// or in op_defaults) 20 s.
    static let defaultStonithTimeoutMilliseconds = 60_000
    static let defaultOperationTimeoutMilliseconds = 20_000

    func findings(_ context: DoctorContext) -> [Finding] {
        guard let client = context.client.value, let survival = client.survivalSeconds else { return [] }
        let layout = context.layout
        // ALUA (each node its own portals, no moving IP) keeps the other node's paths: not checked.
        guard !layout.members(of: .ip).isEmpty else { return [] }
        let (lower, upper) = failoverBounds(context)
        let have = "replacement_timeout \(client.replacementTimeoutSeconds) s"
            + (client.multipathQueueSeconds.map { " + multipath queueing \($0) s" } ?? " (no multipath)")
        let fix = "raise node.session.timeo.replacement_timeout in iscsid.conf (iscsiadm -m node -o update -n node.session.timeo.replacement_timeout -v N for existing sessions), or queue in multipath (no_path_retry N with N × polling_interval above the failover time)"
        if survival * 1000 < lower {
            return [Finding(
                check: "client-timeout", severity: .error, subject: "client timeouts",
                message: "the client survives \(survival) s without a path (\(have)); a failover takes at least \(Self.seconds(lower))",
                why: "The floating IPs move with the stack, so every path is down until it is up on the other node: the client fails the I/O before that, and its filesystem goes read-only or its application errors.",
                fix: fix)]
        }
        if survival * 1000 < upper {
            return [Finding(
                check: "client-timeout-worst-case", severity: .warning, subject: "client timeouts",
                message: "the client survives \(survival) s without a path (\(have)); a failover within the cluster's timeouts may take up to \(Self.seconds(upper))",
                why: "A slow fence, promote or start that Pacemaker still waits for outlasts the client: its I/O fails although the cluster recovers.",
                fix: fix + "; or shorten the cluster's timeouts")]
        }
        return []
    }

    /// Milliseconds: (detection + fencing delay, that + stonith-timeout + promote + starts).
    func failoverBounds(_ context: DoctorContext) -> (Int, Int) {
        let cib = context.cib
        let token = context.corosync.value?.tokenMilliseconds ?? Self.defaultTokenMilliseconds
        let consensus = context.corosync.value?.consensusMilliseconds ?? token * 6 / 5
        let fencing = cib.fencingEnabled && !cib.fenceDevices.isEmpty
        let delay = fencing ? cib.fenceDevices.compactMap { PacemakerValue.milliseconds($0.parameters["pcmk_delay_base"]) }.max() ?? 0 : 0
        let lower = token + consensus + delay
        var upper = lower
        if fencing {
            upper += PacemakerValue.milliseconds(cib.properties["stonith-timeout"]) ?? Self.defaultStonithTimeoutMilliseconds
        }
        let layout = context.layout
        let fallback = PacemakerValue.milliseconds(cib.operationDefaults["timeout"]) ?? Self.defaultOperationTimeoutMilliseconds
        func timeout(of action: String, in resource: CIBResource) -> Int {
            resource.operations.first { $0.name == action }?.timeoutMilliseconds ?? fallback
        }
        upper += layout.drbdPrimitives.map { timeout(of: "promote", in: $0) }.max() ?? 0
        for layer in SANLayout.Layer.allCases {
            upper += layout.members(of: layer).map { timeout(of: "start", in: $0) }.reduce(0, +)
        }
        return (lower, upper)
    }

    static func seconds(_ milliseconds: Int) -> String {
        milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : "\(milliseconds / 1000).\(milliseconds % 1000 / 100) s"
    }
}
