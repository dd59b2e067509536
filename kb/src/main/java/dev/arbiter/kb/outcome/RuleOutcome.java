package dev.arbiter.kb.outcome;

/** A conclusion a rule inserted: a rejection, a cap, a flag, a halt or a reduce-only restriction. */
public sealed interface RuleOutcome permits Rejection, Cap, Flag, Halt, ReduceOnly {

    Reason reason();

    /** The proposal the outcome is about; {@code null} for a halt or reduce-only, which cover a scope instead. */
    String proposalId();

    /** Upper-case kind as it appears in traces and explanations: REJECT, CAP, FLAG, HALT or REDUCE_ONLY. */
    String kind();
}
