package dev.arbiter.mlbridge.indicators;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One indicator with its parameter, named as rules see it: {@code sma_20}, {@code ema_20},
 * {@code rsi_14}, {@code atr_14}, {@code highest_20} (the highest high of the 20 bars before the last,
 * the level a breakout clears).
 */
public record IndicatorSpec(Kind kind, int period) {

    /** The indicators the decision cycle computes today. */
    public enum Kind { SMA, EMA, RSI, ATR, HIGHEST }

    private static final Pattern NAME = Pattern.compile("([a-z]+)_(\\d{1,4})");

    public IndicatorSpec {
        Objects.requireNonNull(kind, "kind");
        if (period < 1) {
            throw new IllegalArgumentException("IndicatorSpec.period: " + period + " is not accepted; expected >= 1");
        }
    }

    /** Parses {@code sma_20}-style names. */
    public static IndicatorSpec parse(String name) {
        Matcher m = NAME.matcher(name == null ? "" : name);
        if (!m.matches()) {
            throw new IllegalArgumentException("indicator: '" + name + "' is not accepted; expected <kind>_<period> such as sma_20 with kind one of sma, ema, rsi, atr, highest");
        }
        for (Kind kind : Kind.values()) {
            if (kind.name().toLowerCase(Locale.ROOT).equals(m.group(1))) {
                return new IndicatorSpec(kind, Integer.parseInt(m.group(2)));
            }
        }
        throw new IllegalArgumentException("indicator: '" + name + "' is not accepted; kind must be one of sma, ema, rsi, atr, highest");
    }

    public String name() {
        return kind.name().toLowerCase(Locale.ROOT) + "_" + period;
    }
}
