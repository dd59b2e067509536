package dev.arbiter.scenarios.search;

import java.time.Instant;
import java.util.Map;

/**
 * One walk-forward fold: the best parameters found in sample and how they did out of sample.
 *
 * @param inSampleSharpe       annualised Sharpe of the best parameters on the training window
 * @param outOfSampleSharpe    annualised Sharpe of the same parameters on the test window
 * @param defaultOutOfSample   annualised Sharpe of the rule set's own parameters on the test window
 * @param deflatedSharpe       probability that the in-sample best has a true Sharpe above zero, after
 *                             {@code trials} trials ({@link DeflatedSharpe})
 */
public record FoldResult(int fold, Instant trainFrom, Instant testFrom, Instant testTo, Map<String, Double> best,
                         double inSampleSharpe, double inSampleReturn, double outOfSampleSharpe,
                         double outOfSampleReturn, double defaultOutOfSample, int trials, double deflatedSharpe) {

    /** In-sample minus out-of-sample Sharpe: how much of the in-sample result did not carry over. */
    public double gap() {
        return inSampleSharpe - outOfSampleSharpe;
    }
}
