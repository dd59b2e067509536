package dev.arbiter.mlbridge.model;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Trains a model for the registry: first the walk-forward evaluation of the same algorithm and
 * settings on the data, beside the baselines on the same splits (its out-of-sample metrics and its
 * {@link ValidationReport} go into the metadata), then the final model on
 * the latest {@code maxTrain} samples, with each feature's distribution kept for drift checks.
 */
public final class ModelTrainer {

    private final Clock clock;

    public ModelTrainer(Clock clock) {
        this.clock = clock;
    }

    /** The result to register. */
    public record Trained(ModelMetadata metadata, ProbabilityModel model, WalkForwardEvaluation.Report evaluation) {
    }

    public Trained train(String name, String version, String featureSet, Dataset data, java.time.Duration period,
                         Algorithm algorithm, WalkForward walkForward, long seed) {
        List<Algorithm> evaluated = new ArrayList<>(List.of(algorithm));
        ValidationReport.BASELINES.stream().filter(b -> b != algorithm).forEach(evaluated::add);
        WalkForwardEvaluation.Report evaluation = WalkForwardEvaluation.run(data, walkForward, evaluated, seed);
        int n = data.size();
        int from = Math.max(0, n - walkForward.maxTrain());
        int[] rows = new int[n - from];
        Arrays.setAll(rows, i -> from + i);
        double[][] x = data.x(rows);
        ProbabilityModel model = algorithm.fit(x, data.y(rows), data.features(), seed);
        double meanAbs = 0;
        for (int r : rows) {
            meanAbs += Math.abs(data.forwardReturn()[r]) / rows.length;
        }
        List<FeatureReference> references = new ArrayList<>();
        for (int j = 0; j < data.features().size(); j++) {
            final int column = j;
            references.add(FeatureReference.of(data.features().get(j), Arrays.stream(x).mapToDouble(row -> row[column]).toArray()));
        }
        ModelMetadata metadata = new ModelMetadata(name, version, algorithm.id(), data.symbol(), period, featureSet, data.features(),
                data.label().describe(), data.label().horizon(), data.time()[from], data.time()[n - 1], rows.length, data.dataSha256(),
                seed, evaluation.result(algorithm).pooled(), meanAbs, references, clock.instant(), null,
                ValidationReport.of(evaluation, algorithm));
        return new Trained(metadata, model, evaluation);
    }
}
