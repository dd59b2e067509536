package dev.arbiter.mlbridge.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains each algorithm on every walk-forward split and scores its out-of-sample probabilities,
 * pooled over all test windows and per fold.
 */
public final class WalkForwardEvaluation {

    /** Pooled and per-fold metrics of one algorithm, and the calibration of its pooled probabilities. */
    public record Result(Algorithm algorithm, Metrics pooled, List<Metrics> folds, Calibration calibration) {
    }

    /** Everything needed to reproduce and read the evaluation. */
    public record Report(Dataset data, WalkForward walkForward, long seed, List<WalkForward.Split> splits, List<Result> results) {

        /** Whether {@code algorithm} was evaluated. */
        public boolean ran(Algorithm algorithm) {
            return results.stream().anyMatch(r -> r.algorithm() == algorithm);
        }

        /** The result of {@code algorithm}, which must have been evaluated. */
        public Result result(Algorithm algorithm) {
            return results.stream().filter(r -> r.algorithm() == algorithm).findFirst().orElseThrow(
                    () -> new IllegalArgumentException(algorithm.id() + " was not evaluated"));
        }

        public String toMarkdown() {
            StringBuilder md = new StringBuilder();
            md.append(String.format(Locale.ROOT, "%s: %d samples %s .. %s, label: %s; features: %s%n%n", data.symbol(), data.size(),
                    data.time()[0], data.time()[data.size() - 1], data.label().describe(), String.join(" ", data.features())));
            md.append(String.format(Locale.ROOT, "Walk-forward: %d folds, training on at most %d samples before each test window "
                    + "(at least %d), purged of labels reaching the window, embargo %d bars; seed %d; data SHA-256 %s%n%n",
                    walkForward.folds(), walkForward.maxTrain(), walkForward.minTrain(), walkForward.embargo(), seed, data.dataSha256()));
            md.append("| model | out-of-sample samples | accuracy | log-loss | AUC | accuracy per fold |\n|---|---|---|---|---|---|\n");
            for (Result r : results) {
                StringBuilder perFold = new StringBuilder();
                for (Metrics m : r.folds()) {
                    perFold.append(perFold.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.3f", m.accuracy()));
                }
                md.append(String.format(Locale.ROOT, "| %s | %d | %.4f | %.4f | %.4f | %s |%n", r.algorithm().id(), r.pooled().samples(),
                        r.pooled().accuracy(), r.pooled().logLoss(), r.pooled().auc(), perFold));
            }
            Metrics any = results.get(0).pooled();
            md.append(String.format(Locale.ROOT, "%nShare of up labels out of sample: %.4f%n", any.upShare()));
            return md.toString();
        }
    }

    /** Bins of the calibration table: tenths of probability. */
    static final int CALIBRATION_BINS = 10;

    private WalkForwardEvaluation() {
    }

    public static Report run(Dataset data, WalkForward walkForward, List<Algorithm> algorithms, long seed) {
        List<WalkForward.Split> splits = walkForward.splits(data);
        Map<Algorithm, double[]> pooled = new LinkedHashMap<>();
        Map<Algorithm, List<Metrics>> perFold = new LinkedHashMap<>();
        int tested = splits.stream().mapToInt(s -> s.test().length).sum();
        int[] truth = new int[tested];
        for (Algorithm a : algorithms) {
            pooled.put(a, new double[tested]);
            perFold.put(a, new ArrayList<>());
        }
        int offset = 0;
        for (WalkForward.Split split : splits) {
            double[][] trainX = data.x(split.train());
            int[] trainY = data.y(split.train());
            int[] testY = data.y(split.test());
            System.arraycopy(testY, 0, truth, offset, testY.length);
            for (Algorithm a : algorithms) {
                ProbabilityModel model = a.fit(trainX, trainY, data.features(), seed + split.fold());
                double[] p = new double[split.test().length];
                for (int i = 0; i < p.length; i++) {
                    p[i] = model.probabilityUp(data.x()[split.test()[i]]);
                }
                System.arraycopy(p, 0, pooled.get(a), offset, p.length);
                perFold.get(a).add(Metrics.of(testY, p));
            }
            offset += split.test().length;
        }
        List<Result> results = new ArrayList<>();
        for (Algorithm a : algorithms) {
            results.add(new Result(a, Metrics.of(truth, pooled.get(a)), perFold.get(a),
                    Calibration.of(truth, pooled.get(a), CALIBRATION_BINS)));
        }
        return new Report(data, walkForward, seed, splits, results);
    }
}
