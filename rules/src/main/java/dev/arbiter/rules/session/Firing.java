package dev.arbiter.rules.session;

import dev.arbiter.kb.outcome.Layer;
import dev.arbiter.rules.pack.Severity;
import java.util.List;

/**
 * One rule firing, in the order it happened.
 *
 * @param matched   the facts the rule's conditions matched, as the records themselves
 * @param concluded the facts the rule's consequence inserted (proposals, protective stops and outcomes)
 */
public record Firing(int sequence, String rule, Layer layer, String reasonCode, String legalSource,
                     Severity severity, List<TracedFact> matched, List<TracedFact> concluded) {

    public Firing {
        matched = List.copyOf(matched);
        concluded = List.copyOf(concluded);
    }

    /** The matched facts of one type, e.g. {@code matchedOf(Limit.class)}. */
    public <T extends Record> List<T> matchedOf(Class<T> type) {
        return of(matched, type);
    }

    /** The concluded facts of one type, e.g. {@code concludedOf(ProtectiveStop.class)}. */
    public <T extends Record> List<T> concludedOf(Class<T> type) {
        return of(concluded, type);
    }

    private static <T extends Record> List<T> of(List<TracedFact> facts, Class<T> type) {
        return facts.stream()
                .filter(f -> f instanceof TracedFact.Typed typed && type.isInstance(typed.fact()))
                .map(f -> type.cast(((TracedFact.Typed) f).fact()))
                .toList();
    }
}
