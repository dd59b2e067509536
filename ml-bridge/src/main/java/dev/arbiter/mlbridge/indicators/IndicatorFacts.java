package dev.arbiter.mlbridge.indicators;

import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.IndicatorValue;
import dev.arbiter.mlbridge.features.FeatureSet;
import dev.arbiter.mlbridge.features.FeatureSets;
import dev.arbiter.mlbridge.features.StreamingFeatures;
import dev.arbiter.mlbridge.marketdata.BarSeriesCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Computes a feature set at the last bar of a series, as facts. A feature still inside its warm-up
 * yields no fact at all: absence, not a made-up number.
 */
public final class IndicatorFacts {

    /**
     * The set the decision cycle uses ({@code default} in the shipped feature-sets file): the
     * TA-Lib-checked trend, momentum, volatility and volume columns plus SMA 50 and the breakout level
     * (highest high of the previous 20 bars).
     */
    public static final FeatureSet DEFAULT_SET = FeatureSets.builtIn().get("default");

    private final FeatureSet set;

    public IndicatorFacts(FeatureSet set) {
        this.set = Objects.requireNonNull(set, "set");
    }

    /** Values at the last bar of {@code bars} (one instrument, in time order). */
    public List<IndicatorValue> atLastBar(List<Bar> bars) {
        BarSeriesCheck.requireOrderedSeries("bars", bars);
        Bar first = bars.get(0);
        StreamingFeatures features = new StreamingFeatures(first.symbol(), first.period(), set);
        bars.forEach(features::append);
        double[] values = features.valuesAt(features.lastIndex());
        Bar last = bars.get(bars.size() - 1);
        List<IndicatorValue> facts = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                facts.add(new IndicatorValue(last.symbol(), set.columns().get(i), last.endTime(), values[i]));
            }
        }
        return facts;
    }

    public FeatureSet set() {
        return set;
    }
}
