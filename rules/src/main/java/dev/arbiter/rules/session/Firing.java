package dev.arbiter.rules.session;

import dev.arbiter.kb.outcome.Layer;
import dev.arbiter.rules.pack.Severity;
import java.util.List;

/**
 * One rule firing, in the order it happened.
 *
 * @param matched   the facts the rule's conditions matched, rendered as text
 * @param concluded the facts the rule's consequence inserted (proposals and outcomes)
 */
public record Firing(int sequence, String rule, Layer layer, String reasonCode, String legalSource,
                     Severity severity, List<String> matched, List<String> concluded) {

    public Firing {
        matched = List.copyOf(matched);
        concluded = List.copyOf(concluded);
    }
}
