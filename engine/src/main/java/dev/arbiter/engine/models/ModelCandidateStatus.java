package dev.arbiter.engine.models;

/** Where a model candidate is in its lifecycle. */
public enum ModelCandidateStatus {
    /** Its validation fell short of the quality bar: it can be read, never approved. */
    BELOW_QUALITY_BAR,
    /** It cleared the bar; a risk officer other than the one who proposed it must approve it. */
    AWAITING_APPROVAL,
    /** Approved; any risk officer may activate it. */
    APPROVED,
    /** Decisions run it for its symbol and purpose. */
    ACTIVE,
    /** It was active and has been replaced or retired; a rollback restores it. */
    RETIRED
}
