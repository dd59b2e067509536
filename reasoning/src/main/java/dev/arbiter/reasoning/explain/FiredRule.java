package dev.arbiter.reasoning.explain;

import static dev.arbiter.kb.Require.present;
import static dev.arbiter.kb.Require.text;

import dev.arbiter.kb.outcome.Layer;
import java.util.List;

/**
 * A rule that fired while the decision was made.
 *
 * @param rule         the rule's name as written in its rule pack
 * @param layer        the rule's layer
 * @param reasonCode   the reason code the rule concludes with; empty for a rule that concludes nothing
 * @param matchedFacts the facts the rule matched, each in one line, as the trace's typed fact describes itself,
 *                     e.g. {@code Limit(name=price-collar, value=0.05)}
 */
public record FiredRule(String rule, Layer layer, String reasonCode, List<String> matchedFacts) {

    public FiredRule {
        text("FiredRule", "rule", rule);
        present("FiredRule", "layer", layer);
        present("FiredRule", "reasonCode", reasonCode);
        matchedFacts = List.copyOf(present("FiredRule", "matchedFacts", matchedFacts));
    }
}
