package dev.arbiter.scenarios.spec;

/**
 * How approved orders fill: at the open of the bar {@code latencyBars} after the next one, moved
 * against the order by {@code slippageRate}. A spot fill pays {@code feeRate} of the filled notional; a perpetual's
 * pays the venue's maker or taker rate of it. Every fill the simulated venue makes takes liquidity (orders fill at
 * the open, stops and exits at market), so perpetual fills pay {@code takerFeeRate}; {@code makerFeeRate} is kept for
 * the resting orders the venue does not simulate yet.
 */
public record FillSpec(double feeRate, double slippageRate, int latencyBars, double makerFeeRate,
                       double takerFeeRate) {

    /** Binance USDⓈ-M futures' regular tier: 0.02 % maker, 0.05 % taker. */
    public static final double MAKER_FEE_RATE = 0.0002;
    public static final double TAKER_FEE_RATE = 0.0005;

    public static final FillSpec DEFAULT = new FillSpec(0.001, 0.0005, 0);

    /** Spot settings, with the perpetuals' default maker and taker rates. */
    public FillSpec(double feeRate, double slippageRate, int latencyBars) {
        this(feeRate, slippageRate, latencyBars, MAKER_FEE_RATE, TAKER_FEE_RATE);
    }
}
