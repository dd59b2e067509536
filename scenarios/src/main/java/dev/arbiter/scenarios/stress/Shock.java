package dev.arbiter.scenarios.stress;

import java.time.Instant;
import java.util.List;

/**
 * A synthetic shock applied to a scenario's real bars.
 *
 * @param kind    {@code gap} (prices jump by {@code size} at {@code from} and stay there), {@code volatility}
 *                (moves between {@code from} and {@code to} are {@code size} times larger), {@code stale-feed} (the
 *                symbols' bars stop arriving between {@code from} and {@code to}), {@code outage} (no bar of any
 *                symbol arrives), {@code correlated-crash} (a gap of {@code size} in every symbol at once)
 * @param symbols the symbols hit, or empty for all
 */
public record Shock(String name, String kind, Instant from, Instant to, double size, List<String> symbols) {

    public static final List<String> KINDS = List.of("gap", "volatility", "stale-feed", "outage", "correlated-crash");

    public Shock {
        symbols = List.copyOf(symbols);
    }

    boolean hits(String symbol) {
        return symbols.isEmpty() || symbols.contains(symbol);
    }
}
