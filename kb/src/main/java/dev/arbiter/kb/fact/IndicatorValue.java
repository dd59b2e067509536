package dev.arbiter.kb.fact;

import static dev.arbiter.kb.Require.finite;
import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.present;

import java.time.Instant;

/**
 * The value of a technical indicator for an instrument at the close of a bar. Values exist only
 * after the indicator's warm-up, so a rule never sees a misleading number.
 *
 * @param name indicator and parameters in lower case, e.g. {@code rsi_14} or {@code sma_20}
 * @param time end time of the bar the value was computed at
 */
public record IndicatorValue(String symbol, String name, Instant time, double value) {

    public IndicatorValue {
        identifier("IndicatorValue", "symbol", symbol);
        identifier("IndicatorValue", "name", name);
        present("IndicatorValue", "time", time);
        finite("IndicatorValue", "value", value);
    }
}
