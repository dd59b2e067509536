package dev.arbiter.engine.shadow;

import dev.arbiter.engine.decision.Decision;
import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.mlbridge.model.ModelPrediction;
import java.time.Instant;
import java.util.List;

/**
 * What a challenger decided in shadow of one stored decision, compared with the champion's. Nothing of it is acted
 * on: no order goes out, no account state moves.
 *
 * @param decisionId       the champion's decision
 * @param changed          whether the challenger's decision differs ({@link DecisionComparison#differences})
 * @param differences      field by field, e.g. {@code i-1: quantity 0.2 -> 0.1}
 * @param rulesResponsible reason codes of the rules that fired or concluded in one run and not the other
 * @param decision         the challenger's decision (without explanation)
 * @param modelPredictions what the models the challenger's request ran predicted
 * @param proposals        the proposals the challenger considered, each with the models it acted on (a model
 *                         challenger's intents act on it where the champion's acted on the models it replaces)
 * @param decidedAt        the decision's time (the champion's {@code asOf}), so that a replayed period reports by the
 *                         time its decisions were about, and the row is the same whenever it is worked out
 */
public record ShadowDecision(String decisionId, String challengerId, String challengerKind, boolean changed,
                             List<String> differences, List<String> rulesResponsible, Decision decision,
                             List<ModelPrediction> modelPredictions, List<Proposal> proposals, Instant decidedAt) {

    public ShadowDecision {
        differences = List.copyOf(differences);
        rulesResponsible = List.copyOf(rulesResponsible);
        modelPredictions = List.copyOf(modelPredictions);
        proposals = List.copyOf(proposals);
    }
}
