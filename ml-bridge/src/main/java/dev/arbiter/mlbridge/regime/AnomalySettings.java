package dev.arbiter.mlbridge.regime;

/**
 * Thresholds of the anomaly detectors (see {@link AnomalyDetector}).
 *
 * @param flashBars      how many of the latest bars a flash crash is looked for in
 * @param flashDrop      fall of the close within those bars, as a fraction, that is a flash crash
 * @param flashSigmas    a one-bar fall of more than this many robust standard deviations is a flash crash
 * @param sigmaHistory   returns before those bars that the robust standard deviation is measured on
 * @param staleAfterBars periods after the last bar's end at which the feed is stale
 */
public record AnomalySettings(int flashBars, double flashDrop, double flashSigmas, int sigmaHistory, int staleAfterBars) {

    public static final AnomalySettings DEFAULTS = new AnomalySettings(5, 0.05, 8, 200, 3);
}
