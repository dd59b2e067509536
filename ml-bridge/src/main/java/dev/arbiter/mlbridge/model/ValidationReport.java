package dev.arbiter.mlbridge.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a model's validation found, generated when it is trained for the registry and kept with it: the walk-forward
 * out-of-sample metrics of its learner beside the baselines evaluated on the very same splits, its calibration, how
 * steady it was from fold to fold, and the data it was judged on (window and hash). A quality bar reads these
 * numbers before a model may be used; an approver reads them before approving it.
 *
 * @param learner            the learner's id
 * @param outOfSample        pooled out-of-sample metrics of the learner
 * @param calibration        calibration of the pooled out-of-sample probabilities (10 bins)
 * @param foldAccuracies     accuracy in each test window, in time order
 * @param foldAccuracySpread highest minus lowest fold accuracy
 * @param baselines          the baselines on the same splits
 * @param bestBaseline       the baseline with the highest out-of-sample accuracy
 * @param accuracyLift       the learner's accuracy minus the best baseline's (a fraction: 0.005 is half a point)
 * @param dataFrom           close time of the first sample of the evaluation's data
 * @param dataTo             close time of the last sample
 * @param samples            samples in the evaluation's data
 * @param dataSha256         SHA-256 of the bars the data was built from
 * @param folds              walk-forward test windows
 * @param minTrain           samples before the first window
 * @param maxTrain           most training samples per window
 * @param embargo            bars dropped before each window
 * @param seed               the seed of every random choice
 */
public record ValidationReport(String learner, Metrics outOfSample, Calibration calibration, List<Double> foldAccuracies,
                               double foldAccuracySpread, List<Baseline> baselines, String bestBaseline,
                               double accuracyLift, Instant dataFrom, Instant dataTo, int samples, String dataSha256,
                               int folds, int minTrain, int maxTrain, int embargo, long seed) {

    /** A baseline's pooled out-of-sample metrics on the learner's splits. */
    public record Baseline(String id, Metrics outOfSample) {
    }

    public ValidationReport {
        foldAccuracies = List.copyOf(foldAccuracies);
        baselines = List.copyOf(baselines);
    }

    /** The baselines every learner is judged against. */
    public static final List<Algorithm> BASELINES = List.of(Algorithm.MAJORITY, Algorithm.PREVIOUS_SIGN);

    /** The report of {@code learner} from an evaluation that ran it and the {@link #BASELINES} on the same splits. */
    public static ValidationReport of(WalkForwardEvaluation.Report evaluation, Algorithm learner) {
        WalkForwardEvaluation.Result result = evaluation.result(learner);
        List<Double> folds = result.folds().stream().map(Metrics::accuracy).toList();
        double spread = folds.stream().mapToDouble(Double::doubleValue).max().orElse(0)
                - folds.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        List<Baseline> baselines = new ArrayList<>();
        Baseline best = null;
        for (Algorithm baseline : BASELINES) {
            if (baseline == learner || !evaluation.ran(baseline)) {
                continue;
            }
            Baseline b = new Baseline(baseline.id(), evaluation.result(baseline).pooled());
            baselines.add(b);
            if (best == null || b.outOfSample().accuracy() > best.outOfSample().accuracy()) {
                best = b;
            }
        }
        Dataset data = evaluation.data();
        WalkForward walkForward = evaluation.walkForward();
        return new ValidationReport(learner.id(), result.pooled(), result.calibration(), folds, spread, baselines,
                best == null ? null : best.id(),
                best == null ? 0 : result.pooled().accuracy() - best.outOfSample().accuracy(),
                data.time()[0], data.time()[data.size() - 1], data.size(), data.dataSha256(), walkForward.folds(),
                walkForward.minTrain(), walkForward.maxTrain(), walkForward.embargo(), evaluation.seed());
    }
}
