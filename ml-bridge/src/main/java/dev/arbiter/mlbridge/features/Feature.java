package dev.arbiter.mlbridge.features;

import java.util.Arrays;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

/**
 * A catalogue indicator with its parameter values, named as its column: {@code rsi_14}.
 */
public record Feature(IndicatorDefinition definition, List<Double> parameters) {

    public Feature {
        parameters = List.copyOf(parameters);
    }

    /**
     * Parses a column name such as {@code bbupper_20_2}.
     *
     * @throws UnknownFeatureException naming what is wrong and what is accepted
     */
    public static Feature parse(String name) {
        if (name == null || name.isBlank()) {
            throw new UnknownFeatureException(String.valueOf(name), "a name such as sma_20 (see docs/indicators.md)");
        }
        String[] parts = name.split("_", -1);
        IndicatorDefinition definition = IndicatorCatalogue.find(parts[0]).orElseThrow(() -> new UnknownFeatureException(name,
                "an indicator from the catalogue (docs/indicators.md); '" + parts[0] + "' is not one of "
                        + IndicatorCatalogue.keys().size() + " keys such as sma, ema, rsi, macd, bbupper, atr"));
        int expected = definition.parameters().size();
        if (parts.length - 1 != expected) {
            throw new UnknownFeatureException(name, definition.key() + " with " + expected + " parameter"
                    + (expected == 1 ? "" : "s") + " " + definition.parameters().stream().map(Parameter::name).toList()
                    + ", e.g. " + definition.columnName(definition.defaults()));
        }
        Double[] values = new Double[expected];
        for (int i = 0; i < expected; i++) {
            Parameter parameter = definition.parameters().get(i);
            double value;
            try {
                value = Double.parseDouble(parts[i + 1]);
            } catch (NumberFormatException e) {
                throw new UnknownFeatureException(name, "a number for " + definition.key() + "'s " + parameter.name()
                        + ", e.g. " + definition.columnName(definition.defaults()));
            }
            String problem = parameter.problem(value);
            if (problem != null) {
                throw new UnknownFeatureException(name, problem + " for " + definition.key() + "'s " + parameter.name());
            }
            values[i] = value;
        }
        Feature feature = new Feature(definition, Arrays.asList(values));
        if (!feature.name().equals(name)) {
            throw new UnknownFeatureException(name, "the canonical spelling '" + feature.name() + "'");
        }
        return feature;
    }

    /** The column name, e.g. {@code macd_12_26_9}. */
    public String name() {
        return definition.columnName(values());
    }

    /** Builds the ta4j indicator over {@code series}. */
    public Indicator<Num> create(BarSeries series) {
        return definition.factory().create(series, values());
    }

    /** Bars before the first value: the declared window or ta4j's unstable bars, whichever is larger. */
    public int warmUp(Indicator<Num> indicator) {
        return Math.max(definition.window().bars(values()), indicator.getCountOfUnstableBars());
    }

    private double[] values() {
        return parameters.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
