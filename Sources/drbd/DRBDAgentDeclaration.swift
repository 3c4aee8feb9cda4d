import TandemCore

/// ocf:tandem:drbd, declared once, with ocf:linbit:drbd's parameter names.
enum DRBDAgentDeclaration {
    /// The characters DRBD and the linbit agent accept in resource names and paths.
    static let nameCharacters = Set("-%+./0123456789:=@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz")

    static func checkCharacters(_ text: String) -> String? {
        text.allSatisfy({ nameCharacters.contains($0) }) ? nil : "may only contain letters, digits and -%+./:=@_"
    }

    static let drbdResource = RequiredParameter<String>(
        "drbd_resource", unique: true,
        short: "DRBD resource name",
        long: "The name of the DRBD resource (as in the DRBD configuration) this instance manages.",
        identifies: true, check: checkCharacters)
    static let drbdconf = Parameter<String>(
        "drbdconf", default: "/etc/drbd.conf",
        short: "Path to the DRBD configuration",
        long: """
            The drbd.conf that drbdadm reads. A probe, monitor or stop finds the resource by its name \
            (drbdsetup events2, /proc/drbd) even when this value is invalid: the default is used.
            """,
        check: { checkCharacters($0) ?? ($0.hasPrefix("/") ? nil : "must be an absolute path") })
    static let adjustMasterScore = Parameter<ScoreLevels>(
        "adjust_master_score", default: .standard,
        short: "Promotion scores by data state",
        long: """
            Four non-decreasing integers: the promotion score when the local data is only Consistent, \
            when only a peer has UpToDate data, when the local data is UpToDate but a peer's disk state \
            is unknown, and when the local data is UpToDate and every peer's state is known. \
            A score of 0 or less removes the score: such a node is never promoted. An invalid value is \
            read as the default with a warning, as ocf:linbit:drbd does.
            """,
        reloadable: true, fallback: .standard)
    static let stopOutdatesSecondary = Parameter<Bool>(
        "stop_outdates_secondary", default: false,
        short: "Outdate a Secondary on stop while a peer is Primary",
        long: """
            When this instance stops while notifications say a peer is promoted, mark the local data \
            Outdated, so that it cannot be promoted later with stale data.
            """,
        reloadable: true)
    static let ignoreMissingNotifications = Parameter<Bool>(
        "ignore_missing_notifications", default: false,
        short: "Run without clone notifications",
        long: "By default the clone must have notify=true; set this to accept a clone without notifications.",
        reloadable: true)
    static let wfcTimeout = Parameter<Int>(
        "wfc_timeout", default: 5, range: 0...3600,
        short: "Seconds start waits for the peer",
        long: """
            How long start waits for the connection to the peer, within the operation's timeout (0: do not \
            wait). A value that is not a number from 0 to 3600 means 0, as a non-number does in \
            ocf:linbit:drbd.
            """,
        reloadable: true, fallback: 0)
    static let removeMasterScoreIfPeerPrimary = Parameter<PeerPrimaryPolicy>(
        "remove_master_score_if_peer_primary", default: .never,
        short: "Remove the score while a peer is Primary",
        long: """
            true: remove this node's promotion score while a peer is Primary and has UpToDate data. \
            unexpected: only when Pacemaker does not know of a promoted instance (a Primary it did not make). \
            Any other value means false, as in ocf:linbit:drbd.
            """,
        reloadable: true, fallback: .never)
    static let requireVersionAtLeast = Parameter<DottedVersion>(
        "require_drbd_module_version_ge", default: DottedVersion(8, 0, 0),
        short: "Lowest DRBD kernel module version",
        long: "The agent refuses to run (not installed) with a DRBD kernel module older than this (x.y.z).",
        reloadable: true)
    static let requireVersionBelow = Parameter<DottedVersion>(
        "require_drbd_module_version_lt", default: DottedVersion(10, 0, 0),
        short: "DRBD kernel module version limit",
        long: "The agent refuses to run (not installed) with a DRBD kernel module at or above this version (x.y.z).",
        reloadable: true)
    static let unfenceIfAllUpToDate = Parameter<Bool>(
        "unfence_if_all_uptodate", default: false,
        short: "Unfence peers once all are UpToDate",
        long: """
            While Primary with every disk and every peer's disk UpToDate, run drbdadm unfence-peer \
            (DRBD's unfence-peer handler, e.g. crm-unfence-peer.9.sh), which removes a fencing \
            constraint left behind. Called when that state is reached, then at most once a minute \
            while it lasts (a failed call is retried in the next monitor), not in every monitor.
            """,
        reloadable: true)
    static let unfenceExtraArgs = Parameter<String>(
        "unfence_extra_args", default: "--quiet --flock-required --flock-timeout 0 --unfence-only-if-owner-match",
        short: "Extra arguments for the unfence handler",
        long: """
            Passed to DRBD's unfence-peer handler in OCF_RESKEY_unfence_extra_args (crm-unfence-peer.9.sh \
            reads it) when unfence_if_all_uptodate calls it.
            """,
        reloadable: true)

    static let agent = AgentDeclaration(
        name: "drbd",
        shortDescription: "DRBD replicated storage, promotable (single- or dual-primary)",
        longDescription: """
            Manages a DRBD resource as a promotable clone: started means Secondary, promoted means \
            Primary. The promotion score follows the data state, so Pacemaker promotes the node with \
            the best data. Replaces ocf:linbit:drbd with the same parameters. Dual-primary \
            (promoted-max=2) requires allow-two-primaries in the DRBD configuration. Works with DRBD 9 \
            and with DRBD 8.4. The state comes from one drbdsetup events2 per monitor (DRBD 9, and DRBD \
            8.4.7 or later with drbd-utils 8.9 or later), else from /proc/drbd (drbd-utils 8.4, older \
            kernels): no process per monitor, the resource's minors (drbdadm sh-minor) kept under \
            HA_RSCTMP and re-read by start, reload, validate-all and probes. Every parameter but \
            drbd_resource and drbdconf is reloadable: changing it in the CIB runs reload-agent, which \
            applies it (the promotion score is published again) without demoting or stopping DRBD. \
            reload runs drbdadm adjust (for changes to the DRBD configuration files).
            """,
        parameters: [drbdResource.spec, drbdconf.spec, adjustMasterScore.spec, stopOutdatesSecondary.spec,
                     ignoreMissingNotifications.spec, wfcTimeout.spec, removeMasterScoreIfPeerPrimary.spec,
                     requireVersionAtLeast.spec, requireVersionBelow.spec, unfenceIfAllUpToDate.spec,
                     unfenceExtraArgs.spec],
        actions: [
            ActionSpec(.start, timeout: 240),
            ActionSpec(.promote, timeout: 90),
            ActionSpec(.demote, timeout: 90),
            ActionSpec(.notify, timeout: 90),
            ActionSpec(.stop, timeout: 100),
            ActionSpec(.monitor, timeout: 20, interval: 20, role: .unpromoted),
            ActionSpec(.monitor, timeout: 20, interval: 10, role: .promoted),
            ActionSpec(.reload, timeout: 30),
            ActionSpec(.reloadAgent, timeout: 30),
            ActionSpec(.metaData, timeout: 5),
            ActionSpec(.validateAll, timeout: 30),
        ])
}
