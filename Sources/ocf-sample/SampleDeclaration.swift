import TandemCore

/// The sample agent's declaration: a promotable resource whose state is a file, like
/// Pacemaker's Stateful. It exists to exercise the OCF runtime end to end (tests,
/// ocf-tester, the start-up benchmark) and is not installed with the real agents.
enum SampleDeclaration {
    static let state = OptionalParameter<String>(
        "state", unique: true,
        short: "State file",
        long: "Where the resource keeps its role. By default a file under HA_RSCTMP named after the resource.",
        identifies: true, check: { $0.hasPrefix("/") ? nil : "must be an absolute path" })
    static let unpromotedScore = Parameter<Int>(
        "unpromoted_score", default: 5, range: 0...1_000_000,
        short: "Promotion score while unpromoted",
        long: "The promotion score this node advertises while the resource runs unpromoted.")
    static let promotedScore = Parameter<Int>(
        "promoted_score", default: 10, range: 0...1_000_000,
        short: "Promotion score while promoted",
        long: "The promotion score this node advertises while the resource runs promoted.")
    static let publishScores = Parameter<Bool>(
        "publish_scores", default: true,
        short: "Publish promotion scores",
        long: "Whether to publish promotion scores at all (only meaningful in a promotable clone).")
    static let mode = Parameter<String>(
        "mode", default: "normal", allowed: ["normal", "fail-start", "fail-monitor"],
        short: "Fault injection",
        long: "normal behaves; fail-start makes start fail with a reason; fail-monitor makes recurring monitors fail.")

    static let agent = AgentDeclaration(
        name: "ocf-sample",
        shortDescription: "Sample promotable agent of the Tandem OCF runtime",
        longDescription: """
            A promotable resource whose role is kept in a state file, like Pacemaker's Stateful. \
            It exercises the Tandem OCF runtime (parameters, notifications, promotion scores, \
            exit reasons) and is not meant for production.
            """,
        parameters: [state.spec, unpromotedScore.spec, promotedScore.spec, publishScores.spec, mode.spec],
        actions: [
            ActionSpec(.start, timeout: 20),
            ActionSpec(.stop, timeout: 20),
            ActionSpec(.monitor, timeout: 20, interval: 10, depth: 0, role: .promoted),
            ActionSpec(.monitor, timeout: 20, interval: 11, depth: 0, role: .unpromoted),
            ActionSpec(.promote, timeout: 10),
            ActionSpec(.demote, timeout: 10),
            ActionSpec(.notify, timeout: 5),
            ActionSpec(.metaData, timeout: 5),
            ActionSpec(.validateAll, timeout: 20),
        ])
}
