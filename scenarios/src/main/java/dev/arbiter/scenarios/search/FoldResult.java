package dev.arbiter.scenarios.search;

import dev.arbiter.scenarios.model.ModelOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One walk-forward fold: the best parameters found in sample and how they did out of sample.
 *
 * @param inSampleSharpe       annualised Sharpe of the best parameters on the training window
 * @param outOfSampleSharpe    annualised Sharpe of the same parameters on the test window
 * @param defaultOutOfSample   annualised Sharpe of the rule set's own parameters on the test window
 * @param deflatedSharpe       probability that the in-sample best has a true Sharpe above zero, after
 *                             {@code trials} trials ({@link DeflatedSharpe})
 * @param models               the fold's models (trained in sample) with their in-sample and out-of-sample
 *                             accuracy and log-loss; empty without a model
 */
public record FoldResult(int fold, Instant trainFrom, Instant testFrom, Instant testTo, Map<String, Double> best,
                         double inSampleSharpe, double inSampleReturn, double outOfSampleSharpe,
                         double outOfSampleReturn, double defaultOutOfSample, int trials, double deflatedSharpe,
                         List<ModelOutcome> models) {

    public FoldResult {
        models = List.copyOf(models);
    }

    /** In-sample minus out-of-sample Sharpe: how much of the in-sample result did not carry over. */
    public double gap() {
        return inSampleSharpe - outOfSampleSharpe;
    }
}
