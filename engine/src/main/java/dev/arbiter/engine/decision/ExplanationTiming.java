package dev.arbiter.engine.decision;

/** When a decision's explanation is worked out. */
public enum ExplanationTiming {

    /** With the decision, before it is returned: the command line, scenarios and replays. */
    WITH_DECISION,

    /**
     * After the decision is acknowledged: the service stores and answers the decision first, then explains it from
     * its trace ({@link DecisionPipeline#explain}). Prolog is then off the acknowledgement's path; the proof is not.
     */
    AFTER_ACKNOWLEDGEMENT
}
