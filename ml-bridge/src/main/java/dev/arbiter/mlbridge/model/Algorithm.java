package dev.arbiter.mlbridge.model;

import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;
import smile.base.cart.SplitRule;
import smile.classification.GradientTreeBoost;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.ValueVector;
import smile.math.MathEx;

/**
 * The learners, with modest settings that train in seconds on two cores, and the baselines. Every
 * random choice is seeded: the same data, settings and seed give the same model.
 */
public enum Algorithm {

    /** Gradient-boosted trees: 100 trees of at most 8 leaves, shrinkage 0.05, 70% subsample. */
    GBT("gbt") {
        @Override
        public ProbabilityModel fit(double[][] x, int[] y, List<String> features, long seed) {
            MathEx.setSeed(seed);
            GradientTreeBoost.Options options = new GradientTreeBoost.Options(100, 4, 8, 50, 0.05, 0.7, null, null);
            return new TreeModel(GradientTreeBoost.fit(Formula.lhs(LABEL), frame(x, y, features), options), features,
                    options.shrinkage());
        }
    },
    /** Random forest: 100 trees of depth at most 8, leaves of at least 50 samples, 4 features per split. */
    RF("rf") {
        @Override
        public ProbabilityModel fit(double[][] x, int[] y, List<String> features, long seed) {
            long[] seeds = LongStream.range(0, 100).map(i -> seed * 1_000_003L + i).toArray();
            RandomForest.Options options = new RandomForest.Options(100, Math.max(1, (int) Math.sqrt(features.size())),
                    SplitRule.GINI, 8, 64, 50, 1.0, null, seeds, null);
            return new TreeModel(RandomForest.fit(Formula.lhs(LABEL), frame(x, y, features), options), features, 0);
        }
    },
    /** Logistic regression, L2 penalty 1.0 on standardised features. */
    LOGIT("logit") {
        @Override
        public ProbabilityModel fit(double[][] x, int[] y, List<String> features, long seed) {
            return LogitModel.fit(x, y, 1.0);
        }
    },
    /** Baseline: the training share of up labels. */
    MAJORITY("majority") {
        @Override
        public ProbabilityModel fit(double[][] x, int[] y, List<String> features, long seed) {
            return Baselines.Majority.fit(y);
        }
    },
    /** Baseline: the training share of up labels given the sign of the previous one-bar return. */
    PREVIOUS_SIGN("previous-return-sign") {
        @Override
        public ProbabilityModel fit(double[][] x, int[] y, List<String> features, long seed) {
            int roc = features.indexOf("roc_1");
            if (roc < 0) {
                throw new IllegalArgumentException("the previous-return-sign baseline needs the feature roc_1 in the set");
            }
            return Baselines.PreviousReturnSign.fit(x, y, roc);
        }
    };

    static final String LABEL = "up";

    private final String id;

    Algorithm(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Trains on rows {@code x} with labels {@code y}; {@code features} names the columns. */
    public abstract ProbabilityModel fit(double[][] x, int[] y, List<String> features, long seed);

    public static Algorithm parse(String id) {
        for (Algorithm a : values()) {
            if (a.id.equals(id.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new IllegalArgumentException("algorithm '" + id + "' is not accepted; expected one of gbt, rf, logit, majority, previous-return-sign");
    }

    private static DataFrame frame(double[][] x, int[] y, List<String> features) {
        return DataFrame.of(x, features.toArray(String[]::new)).add(ValueVector.of(LABEL, y));
    }
}
