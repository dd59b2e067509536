package dev.arbiter.engine.decision;

/** A decision, the trace that explains it, and how long each stage took to make it. */
public record DecisionResult(Decision decision, DecisionTrace trace, StageTimes stages) {

    /** A decision and its trace as stored, without timings. */
    public DecisionResult(Decision decision, DecisionTrace trace) {
        this(decision, trace, StageTimes.UNKNOWN);
    }
}
