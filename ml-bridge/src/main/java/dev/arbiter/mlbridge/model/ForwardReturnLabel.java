package dev.arbiter.mlbridge.model;

/**
 * The label: 1 when the close {@code horizon} bars later is strictly above the close at the bar
 * the features were computed at, else 0 (a flat or lower close). A bar without {@code horizon} bars
 * after it has no label and is not in the dataset. The sample at bar i uses the closes of bars
 * i..i+horizon, so walk-forward training drops (purges) every sample whose label window reaches
 * into the test window.
 */
public record ForwardReturnLabel(int horizon) {

    public ForwardReturnLabel {
        if (horizon < 1) {
            throw new IllegalArgumentException("label horizon: " + horizon + " is not accepted; expected >= 1 bar");
        }
    }

    /** The forward log return from bar {@code i}, or NaN when the series ends before the horizon. */
    public double forwardReturn(double[] closes, int i) {
        return i + horizon < closes.length ? Math.log(closes[i + horizon] / closes[i]) : Double.NaN;
    }

    public String describe() {
        return "sign of the " + horizon + "-bar forward close-to-close return (1 = strictly up, 0 = flat or down)";
    }
}
