/// What this node's promotion score should become for an observed state.
public enum ScoreDecision: Equatable, Sendable {
    case set(Int)
    /// No score: Pacemaker never promotes this node.
    case remove
    /// Leave whatever is published (a transitional state, or one the agent cannot judge).
    case unchanged

    /// A score of 0 or less is published as no score: such a node is never promoted.
    public static func score(_ value: Int) -> ScoreDecision { value > 0 ? .set(value) : .remove }
}
