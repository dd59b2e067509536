package dev.arbiter.engine.lifecycle;

/** Where a candidate release is in its lifecycle. */
public enum CandidateStatus {
    /** Vetting, compilation, analysis or a rule test failed: it can be read, never approved. */
    CHECKS_FAILED,
    /** Checks passed; a risk officer other than the author must approve it. */
    AWAITING_APPROVAL,
    /** Approved; any risk officer may activate it. */
    APPROVED,
    /** Decisions are being made with it. */
    ACTIVE,
    /** It was active and has been replaced; it can be restored by a rollback. */
    RETIRED
}
