package dev.arbiter.engine.service.store;

import dev.arbiter.reasoning.explain.Explanation;
import java.util.List;

/**
 * A decision's explanation as stored after the decision was acknowledged.
 *
 * @param traceSha256  the SHA-256 of the stored trace JSON it was worked out from
 * @param explanations one per proposal, in the trace's order
 */
public record StoredExplanation(String decisionId, String traceSha256, List<Explanation> explanations) {

    public StoredExplanation {
        explanations = List.copyOf(explanations);
    }
}
