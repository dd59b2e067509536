package dev.arbiter.kb.outcome;

/** A conclusion a rule inserted: a rejection, a cap, a flag or a halt. */
public sealed interface RuleOutcome permits Rejection, Cap, Flag, Halt {

    Reason reason();

    /** Upper-case kind as it appears in traces and explanations: REJECT, CAP, FLAG or HALT. */
    String kind();
}
