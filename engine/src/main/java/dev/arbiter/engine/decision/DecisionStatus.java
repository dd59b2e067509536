package dev.arbiter.engine.decision;

/** What a decision amounts to for the client. */
public enum DecisionStatus {
    /** At least one order goes out (possibly resized). */
    APPROVED,
    /** Proposals were made but none goes out: rejected by a rule, or sized to zero. */
    REJECTED,
    /** A halt covers every proposal: nothing goes out until the halt is lifted. */
    HALTED,
    /** The proof that the orders respect every hard limit failed or timed out: nothing goes out (fail closed). */
    BLOCKED,
    /** Nothing was proposed: no intents and no strategy signal. */
    NO_PROPOSALS
}
