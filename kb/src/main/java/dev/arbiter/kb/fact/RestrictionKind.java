package dev.arbiter.kb.fact;

/** What a restricted-list entry restricts. */
public enum RestrictionKind {
    INSTRUMENT,
    VENUE
}
