package dev.arbiter.kb.outcome;

/** What a halt stops: one account, one instrument, or everything. */
public enum HaltScope {
    ACCOUNT,
    INSTRUMENT,
    GLOBAL
}
