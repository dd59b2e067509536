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

    /**
     * The label of bar {@code i}: 1 when the close {@code horizon} bars later is strictly higher, 0 when it is not,
     * {@link #UNRESOLVED} while the series has not reached it yet.
     */
    public int outcome(double[] closes, int i) {
        double r = forwardReturn(closes, i);
        return Double.isNaN(r) ? UNRESOLVED : r > 0 ? 1 : 0;
    }

    /** An outcome the bars do not know yet. */
    public static final int UNRESOLVED = -1;

    public String describe() {
        return "sign of the " + horizon + "-bar forward close-to-close return (1 = strictly up, 0 = flat or down)";
    }
}
