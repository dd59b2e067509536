package dev.arbiter.mlbridge.features;

import java.util.List;
import java.util.Objects;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

/**
 * One entry of the indicator catalogue: a ta4j indicator with named parameters and a declared
 * warm-up.
 *
 * @param key         the column-name prefix, lower case, e.g. {@code macdsignal}
 * @param group       trend, momentum, volatility, volume, statistics, price or candles
 * @param description what it measures, one line
 * @param parameters  its parameters, in column-name order
 * @param factory     builds the ta4j indicator over a series
 * @param window      bars before the first value, from the parameters (the engine also honours
 *                    ta4j's own count of unstable bars, whichever is larger)
 */
public record IndicatorDefinition(String key, String group, String description, List<Parameter> parameters,
                                  Factory factory, Window window) {

    /** Builds the indicator from parameter values given in {@link #parameters()} order. */
    @FunctionalInterface
    public interface Factory {
        Indicator<Num> create(BarSeries series, double[] p);
    }

    /** Bars before the first meaningful value, from the parameter values. */
    @FunctionalInterface
    public interface Window {
        int bars(double[] p);
    }

    public IndicatorDefinition {
        Objects.requireNonNull(key, "key");
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(window, "window");
    }

    /** The parameters' default values. */
    public double[] defaults() {
        return parameters.stream().mapToDouble(Parameter::defaultValue).toArray();
    }

    /** The column name for these parameter values, e.g. {@code bbupper_20_2}. */
    public String columnName(double[] values) {
        StringBuilder name = new StringBuilder(key);
        for (double value : values) {
            name.append('_').append(Parameter.format(value));
        }
        return name.toString();
    }
}
