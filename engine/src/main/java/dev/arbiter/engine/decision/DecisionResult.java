package dev.arbiter.engine.decision;

/** A decision and the trace that explains it. */
public record DecisionResult(Decision decision, DecisionTrace trace) {
}
