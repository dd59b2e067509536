package dev.arbiter.engine.shadow;

import dev.arbiter.engine.decision.DecisionRequest;
import dev.arbiter.engine.decision.RuleRelease;

/** A challenger decides the same requests as the champion, in shadow: its outcome is stored, never acted on. */
public interface Challenger {

    /** A stable id, e.g. {@code rule-set:cand-0003}; a model challenger's is {@code model:<id>}. */
    String id();

    /** {@code rule-set} or {@code model}. */
    String kind();

    /** One line for reports. */
    String description();

    /** Whether this challenger decides the request the champion decided. */
    boolean appliesTo(DecisionRequest championRequest);

    /** The request the challenger decides; a rule-set challenger returns it unchanged. */
    DecisionRequest request(DecisionRequest championRequest);

    /** The release the challenger decides with; a rule-set challenger returns its candidate's release. */
    RuleRelease release(RuleRelease championRelease);
}
