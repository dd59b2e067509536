package dev.arbiter.scenarios.run;

import dev.arbiter.engine.decision.ClientRequest;
import dev.arbiter.engine.decision.DecisionRequest;
import dev.arbiter.engine.decision.DecisionResult;

/** Sees every decision of a run as it is made (e.g. to replay the same requests with another rule set). */
@FunctionalInterface
public interface StepListener {

    StepListener NONE = (step, request, result) -> { };

    /**
     * @param request the request as the engine completed it from its state and the pipeline saw it
     *                ({@code result.trace().request()}): it decides the same again on its own
     */
    void decided(int step, DecisionRequest request, DecisionResult result);

    /**
     * The client's request of a step as the runner sends it, before the engine decides it: with the bars and venue
     * events the runner gave the engine, what a recorder needs to feed the same inputs to another engine.
     */
    default void requested(int step, String decisionId, ClientRequest request) {
    }
}
