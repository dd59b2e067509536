package dev.arbiter.mlbridge.features;

import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.IndicatorValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The features at one bar's close.
 *
 * @param bar     the bar they were computed at
 * @param columns the feature names, in set order
 * @param values  one per column; NaN while a feature is warming up or undefined (never a made-up number)
 * @param flags   what the bar policy noticed (a gap before the bar, an ignored duplicate)
 */
public record FeatureUpdate(Bar bar, List<String> columns, double[] values, List<BarFlag> flags) {

    public FeatureUpdate {
        columns = List.copyOf(columns);
        values = values.clone();
        flags = List.copyOf(flags);
    }

    /** The defined values as facts, timed at the bar's close. */
    public List<IndicatorValue> facts() {
        List<IndicatorValue> facts = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                facts.add(new IndicatorValue(bar.symbol(), columns.get(i), bar.endTime(), values[i]));
            }
        }
        return facts;
    }

    /** The value of {@code column}, NaN when it has none yet. */
    public double value(String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("column '" + column + "' is not in this set; expected one of " + columns);
        }
        return values[i];
    }

    @Override
    public double[] values() {
        return values.clone();
    }
}
