package dev.arbiter.mlbridge.features;

import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.fact.Bar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;

/**
 * A feature set kept up to date for one instrument and timeframe as bars arrive. Each new bar
 * costs one value per feature: ta4j caches every indicator's earlier values, so nothing is
 * recomputed over the history.
 *
 * <p>Bar policy, checked before anything changes (a rejected bar leaves the stream as it was):
 * <ul>
 *   <li>another symbol or period, or a bar opening before the last one ends: rejected with an error
 *       naming the field, the value and what is accepted;</li>
 *   <li>the same open time as the last bar: an identical repeat is ignored and flagged
 *       {@link BarFlag.Kind#DUPLICATE}; a different bar at that time is rejected;</li>
 *   <li>a bar opening later than the last one ends: accepted and flagged {@link BarFlag.Kind#GAP}
 *       with the number of missing bars; indicators run over the bars received;</li>
 *   <li>NaN, zero or negative prices, high below low: rejected when the {@link Bar} is built.</li>
 * </ul>
 * Values are computed with doubles; a feature's value is NaN before its warm-up and wherever ta4j
 * yields no finite number (for example a ratio over a flat window).
 *
 * <p>Memory is bounded: the stream keeps the latest {@code retainedBars} bars (and ta4j the values
 * computed over them); older ones are dropped as new ones arrive. Windows read only retained bars and
 * recursive indicators (EMA, Wilder averages, OBV) carry on from their last value, so the values are
 * those of an unbounded stream (tested) as long as the retention exceeds every feature's warm-up.
 */
public final class StreamingFeatures {

    private final String symbol;
    private final Duration period;
    private final FeatureSet set;
    private final BarSeries series;
    private final List<Indicator<Num>> indicators = new ArrayList<>();
    private final int[] warmUps;
    private long received;
    private Bar last;
    private long gaps;
    private long duplicates;

    /** Bars a stream keeps unless told otherwise: enough for every catalogue feature several times over. */
    public static final int DEFAULT_RETAINED_BARS = 2000;

    public StreamingFeatures(String symbol, Duration period, FeatureSet set) {
        this(symbol, period, set, DEFAULT_RETAINED_BARS);
    }

    /** @param retainedBars how many of the latest bars to keep; must exceed every feature's warm-up */
    public StreamingFeatures(String symbol, Duration period, FeatureSet set, int retainedBars) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.period = Objects.requireNonNull(period, "period");
        this.set = Objects.requireNonNull(set, "set");
        this.series = new BaseBarSeriesBuilder().withName(symbol).withNumFactory(DoubleNumFactory.getInstance())
                .withMaxBarCount(retainedBars).build();
        this.warmUps = new int[set.features().size()];
        for (int i = 0; i < set.features().size(); i++) {
            Feature feature = set.features().get(i);
            Indicator<Num> indicator = feature.create(series);
            indicators.add(indicator);
            warmUps[i] = feature.warmUp(indicator);
            if (warmUps[i] + 1 >= retainedBars) {
                throw new IllegalArgumentException("retained bars: " + retainedBars + " is not accepted for feature "
                        + feature.name() + "; expected more than its warm-up of " + warmUps[i] + " bars");
            }
        }
    }

    /** Checks and appends a bar, then computes every feature at it. */
    public FeatureUpdate accept(Bar bar) {
        List<BarFlag> flags = append(bar);
        return new FeatureUpdate(last, set.columns(), valuesAt(lastIndex()), flags);
    }

    /**
     * Checks and appends a bar without computing anything (to load history, then read values with
     * {@link #valuesAt}).
     *
     * @return what the policy noticed; an ignored duplicate leaves the series unchanged
     */
    public List<BarFlag> append(Bar bar) {
        Objects.requireNonNull(bar, "bar");
        String at = "bars[" + received + "]";
        if (!bar.symbol().equals(symbol)) {
            throw new InvalidFactException("BarStream", at + ".symbol", bar.symbol(), "the stream's symbol '" + symbol + "'");
        }
        if (!bar.period().equals(period)) {
            throw new InvalidFactException("BarStream", at + ".period", bar.period(), "the stream's period " + period);
        }
        List<BarFlag> flags = new ArrayList<>(1);
        if (last != null) {
            int order = bar.openTime().compareTo(last.openTime());
            if (order == 0) {
                if (!bar.equals(last)) {
                    throw new InvalidFactException("BarStream", at + ".openTime", bar.openTime(),
                            "a new time; a bar already exists at this time with other values (duplicate bar)");
                }
                duplicates++;
                return List.of(new BarFlag(BarFlag.Kind.DUPLICATE, "repeat of the bar at " + bar.openTime() + " ignored"));
            }
            if (bar.openTime().isBefore(last.endTime())) {
                throw new InvalidFactException("BarStream", at + ".openTime", bar.openTime(),
                        "a time at or after " + last.endTime() + ", the end of the last bar (bars must arrive in time order)");
            }
            Duration between = Duration.between(last.endTime(), bar.openTime());
            if (between.isPositive()) {
                gaps++;
                long missing = between.dividedBy(period);
                flags.add(new BarFlag(BarFlag.Kind.GAP, missing + " bar" + (missing == 1 ? "" : "s")
                        + " missing between " + last.endTime() + " and " + bar.openTime()));
            }
        }
        series.barBuilder()
                .timePeriod(period)
                .endTime(bar.endTime())
                .openPrice(bar.open().doubleValue())
                .highPrice(bar.high().doubleValue())
                .lowPrice(bar.low().doubleValue())
                .closePrice(bar.close().doubleValue())
                .volume(bar.volume().doubleValue())
                .add();
        last = bar;
        received++;
        return flags;
    }

    /**
     * Every feature at bar {@code index} (0 = the first bar received); NaN where it has no value.
     * Only retained bars can be asked for.
     */
    public double[] valuesAt(int index) {
        int oldest = Math.max(0, series.getBeginIndex());
        if (index < oldest || index > series.getEndIndex()) {
            throw new IndexOutOfBoundsException("bar index " + index + " is not accepted; expected " + oldest + ".."
                    + series.getEndIndex() + " (the retained bars)");
        }
        double[] values = new double[indicators.size()];
        for (int i = 0; i < values.length; i++) {
            if (index < warmUps[i]) {
                values[i] = Double.NaN;
                continue;
            }
            Num value = indicators.get(i).getValue(index);
            double v = value == null || value.isNaN() ? Double.NaN : value.doubleValue();
            values[i] = Double.isFinite(v) ? v : Double.NaN;
        }
        return values;
    }

    /** Bars before each feature's first value, in set order. */
    public int[] warmUps() {
        return warmUps.clone();
    }

    public FeatureSet set() {
        return set;
    }

    /** Bars accepted so far (ignored duplicates not counted), retained or not. */
    public long barCount() {
        return received;
    }

    /** Index of the latest bar, or -1 before the first. */
    public int lastIndex() {
        return series.getEndIndex();
    }

    public long gapCount() {
        return gaps;
    }

    public long duplicateCount() {
        return duplicates;
    }
}
