package dev.arbiter.mlbridge.regime;

import dev.arbiter.kb.fact.Anomaly;
import dev.arbiter.kb.fact.AnomalyKind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code SPREAD_BLOWOUT} when the latest quote's spread is at least {@code ratio} times the median
 * spread of the quotes before it (up to {@code history} of them) and at least {@code minBps} basis
 * points wide (so a one-tick book widening to two ticks is not a blow-out).
 */
public record SpreadMonitor(double ratio, double minBps, int history) {

    public static final SpreadMonitor DEFAULTS = new SpreadMonitor(5, 5, 500);

    /** @param quotes oldest first */
    public Optional<Anomaly> check(String symbol, List<Quote> quotes) {
        if (quotes.size() < 11) {
            return Optional.empty(); // no baseline to compare with
        }
        Quote last = quotes.get(quotes.size() - 1);
        double[] before = quotes.subList(Math.max(0, quotes.size() - 1 - history), quotes.size() - 1).stream()
                .mapToDouble(Quote::spreadBps).toArray();
        double median = Volatility.median(before);
        double now = last.spreadBps();
        if (now >= minBps && now >= ratio * median) {
            return Optional.of(new Anomaly(symbol, AnomalyKind.SPREAD_BLOWOUT, last.time(), String.format(Locale.ROOT,
                    "spread %.2f bps (bid %s, ask %s) is %.1fx the median %.2f bps of the previous %d quotes (blow-out at >= %.0fx and >= %.0f bps)",
                    now, last.bid(), last.ask(), median == 0 ? Double.POSITIVE_INFINITY : now / median, median, before.length, ratio, minBps)));
        }
        return Optional.empty();
    }
}
