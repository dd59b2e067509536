package dev.arbiter.scenarios.spec;

/**
 * A direction model a scenario trains and names in every decision request (format: {@code docs/scenarios.md}).
 * One model per instrument, trained on that instrument's bars before the tested range only.
 *
 * @param algorithm the learner: logit, gbt or rf
 * @param horizon   label horizon in bars: the model predicts the sign of the close {@code horizon} bars later
 * @param trainBars training samples are taken at most at this many bars, the latest before the tested range
 *                  (their features warm up on the bars before them)
 * @param seed      the seed of every random choice of the learner
 */
public record ModelSpec(String algorithm, int horizon, int trainBars, long seed) {

    public static final String FEATURE_SET = "model";
    public static final int MIN_TRAIN_BARS = 20;

    /** Bars read before the first training sample so that every feature of the model feature set has a value there. */
    public static final int WARM_UP_BARS = 60;

    public ModelSpec {
        if (horizon < 1) {
            throw new InvalidScenarioException("model.horizon", horizon, "at least 1 bar");
        }
        if (trainBars < MIN_TRAIN_BARS) {
            throw new InvalidScenarioException("model.trainBars", trainBars, "at least " + MIN_TRAIN_BARS + " bars");
        }
    }

    /** Bars of history before the tested range that training reads: the samples and their warm-up. */
    public long historyBars() {
        return (long) trainBars + WARM_UP_BARS;
    }
}
