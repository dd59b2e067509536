package dev.arbiter.reasoning.explain;

/**
 * How a proposal ended, as {@link StatusPrecedence} decides it. In the Prolog theory each is the
 * lower-case atom of its name ({@code not_allocated}).
 */
public enum ProposalStatus {
    /** Sized at the full quantity asked for, and the proof holds. */
    APPROVED,
    /** Sized, but below the quantity asked for. */
    CAPPED,
    /** A rule rejected it. */
    REJECTED,
    /** A halt covers it: global, its account or its instrument. */
    HALTED,
    /** It survived the rules, but the allocation gave it no size. */
    NOT_ALLOCATED,
    /** The proof of the hard limits failed or did not finish, so no order of the decision goes out. */
    BLOCKED_BY_PROOF
}
