package dev.arbiter.engine.shadow;

import dev.arbiter.engine.decision.DecisionTrace;
import dev.arbiter.engine.decision.MarketSeries;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The closes the engine saw, per symbol, gathered from the bars stored decisions were made with (each trace's
 * {@code request.marketData}): what resolves a prediction or marks an order some bars after it. Bars are known by
 * their open time; a bar seen in several decisions is the same bar.
 */
public final class LaterCloses {

    private record Close(Instant endTime, BigDecimal close) {
    }

    /** Per symbol, by open time. */
    private final Map<String, TreeMap<Instant, Close>> bySymbol = new HashMap<>();
    /** Per symbol, the bars in time order, built on first use after the last {@link #add}. */
    private final Map<String, List<Close>> ordered = new HashMap<>();

    /** Takes the bars of a decision's request. */
    public void add(DecisionTrace trace) {
        for (MarketSeries series : trace.request().marketData()) {
            TreeMap<Instant, Close> bars = bySymbol.computeIfAbsent(series.symbol(), s -> new TreeMap<>());
            for (MarketSeries.Row row : series.bars()) {
                bars.putIfAbsent(row.openTime(), new Close(row.openTime().plus(series.period()), row.close()));
            }
            ordered.remove(series.symbol());
        }
    }

    /**
     * The close of the last bar that ended at or before {@code time}, and the close {@code bars} bars after it; empty
     * when either bar has not been seen (the prediction or order is then unresolved).
     */
    public Optional<Resolution> after(String symbol, Instant time, int bars) {
        List<Close> closes = ordered.computeIfAbsent(symbol, s -> new ArrayList<>(bySymbol.getOrDefault(s,
                new TreeMap<>()).values()));
        int at = lastEndedBy(closes, time);
        if (at < 0 || at + bars >= closes.size()) {
            return Optional.empty();
        }
        return Optional.of(new Resolution(closes.get(at).close(), closes.get(at + bars).close()));
    }

    /**
     * A close at a time and the close some bars later.
     *
     * @param then  the close of the bar that ended at or before the time
     * @param later the close the given number of bars after it
     */
    public record Resolution(BigDecimal then, BigDecimal later) {

        /** 1 when the later close is strictly above, as models are trained to predict. */
        public int up() {
            return later.compareTo(then) > 0 ? 1 : 0;
        }
    }

    private static int lastEndedBy(List<Close> closes, Instant time) {
        int low = 0;
        int high = closes.size() - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (!closes.get(mid).endTime().isAfter(time)) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }
}
