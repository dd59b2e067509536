package dev.arbiter.mlbridge.regime;

/**
 * Thresholds of the regime method (see {@link RegimeDetector}).
 *
 * @param trendAdx        ADX(14) at or above which the market trends
 * @param volWindow       bars in the realised-volatility window
 * @param volHistory      bars of history the current volatility is compared with
 * @param highVolRatio    current / median realised volatility at which volatility is high
 * @param crisisVolRatio  ratio at which, with the drawdown below, the market is in crisis
 * @param crisisDrawdown  fall of the close from its highest over the history, as a fraction
 */
public record RegimeSettings(double trendAdx, int volWindow, int volHistory, double highVolRatio, double crisisVolRatio,
                             double crisisDrawdown) {

    public static final RegimeSettings DEFAULTS = new RegimeSettings(25, 20, 500, 2.0, 3.0, 0.10);

    /** Bars needed before any regime is reported: SMA 50 and ADX 14 warmed up, 3 volatility windows. */
    public int minimumBars() {
        return Math.max(60, 3 * volWindow + 1);
    }
}
