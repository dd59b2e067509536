package dev.arbiter.reasoning.proof;

/** What the solver concluded about a set of orders and the hard limits. */
public enum ProofVerdict {
    /** Every hard limit holds for the orders as given. */
    PROVED,
    /** At least one hard limit is broken; the result names which. */
    VIOLATED,
    /** The solver gave up (timeout). Callers fail closed: no order is sent. */
    UNKNOWN
}
