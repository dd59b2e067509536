package dev.arbiter.mlbridge.marketdata;

import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.fact.Bar;
import java.util.List;

/**
 * Checks that a list of bars is one instrument's series: a single symbol and period, strictly
 * increasing open times with no duplicates. Indicators computed over anything else would be wrong
 * without saying so.
 */
public final class BarSeriesCheck {

    private BarSeriesCheck() {
    }

    /**
     * @param field where the bars came from, used in error messages (e.g. {@code bars[ETH-USD]})
     * @throws InvalidFactException naming the offending bar by index
     */
    public static List<Bar> requireOrderedSeries(String field, List<Bar> bars) {
        if (bars == null || bars.isEmpty()) {
            throw new InvalidFactException("BarSeries", field, bars == null ? null : "[]", "at least one bar");
        }
        Bar first = bars.get(0);
        for (int i = 1; i < bars.size(); i++) {
            Bar previous = bars.get(i - 1);
            Bar bar = bars.get(i);
            String at = field + "[" + i + "]";
            if (!bar.symbol().equals(first.symbol())) {
                throw new InvalidFactException("BarSeries", at + ".symbol", bar.symbol(),
                        "the series' symbol '" + first.symbol() + "'");
            }
            if (!bar.period().equals(first.period())) {
                throw new InvalidFactException("BarSeries", at + ".period", bar.period(),
                        "the series' period " + first.period());
            }
            int order = bar.openTime().compareTo(previous.openTime());
            if (order == 0) {
                throw new InvalidFactException("BarSeries", at + ".openTime", bar.openTime(),
                        "a time after the previous bar's (duplicate bar)");
            }
            if (order < 0) {
                throw new InvalidFactException("BarSeries", at + ".openTime", bar.openTime(),
                        "a time after the previous bar's " + previous.openTime() + " (bars must be in time order)");
            }
        }
        return bars;
    }
}
