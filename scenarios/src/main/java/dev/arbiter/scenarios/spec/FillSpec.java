package dev.arbiter.scenarios.spec;

/**
 * How approved orders fill: at the open of the bar {@code latencyBars} after the next one, moved
 * against the order by {@code slippageRate}, paying {@code feeRate} of the filled notional.
 */
public record FillSpec(double feeRate, double slippageRate, int latencyBars) {

    public static final FillSpec DEFAULT = new FillSpec(0.001, 0.0005, 0);
}
