package dev.arbiter.scenarios.model;

import dev.arbiter.engine.decision.RequestedModel;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.mlbridge.features.FeatureSets;
import dev.arbiter.mlbridge.model.Algorithm;
import dev.arbiter.mlbridge.model.Dataset;
import dev.arbiter.mlbridge.model.DatasetBuilder;
import dev.arbiter.mlbridge.model.ForwardReturnLabel;
import dev.arbiter.mlbridge.model.Metrics;
import dev.arbiter.mlbridge.model.ModelMetadata;
import dev.arbiter.mlbridge.model.ModelRegistry;
import dev.arbiter.mlbridge.model.ModelTrainer;
import dev.arbiter.mlbridge.model.WalkForward;
import dev.arbiter.scenarios.spec.InvalidScenarioException;
import dev.arbiter.scenarios.spec.ModelSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Trains one model per instrument on the bars that open before a tested window and registers it.
 *
 * <p>No look-ahead: only bars opening before {@code before} are read, and a sample exists only where its
 * label's {@code horizon} later close is among them, so no training label reaches into the tested window
 * (the purge). The clock of the metadata is fixed at {@code before}, so the same bars and seed register the
 * same model.
 */
public final class WindowModelTrainer {

    /** Walk-forward test windows of the evaluation stored in each model's metadata. */
    private static final int EVALUATION_FOLDS = 2;


    private WindowModelTrainer() {
    }

    /**
     * @param from     first bar to train on (inclusive), or null for the latest {@code spec.trainBars()} bars
     * @param before   first bar of the tested window: every training bar opens before it
     * @param registry the registry folder; an earlier model of the same name and version there is replaced
     * @param version  the version to register, e.g. {@code run} or {@code fold-0}
     */
    public static List<TrainedModel> train(ModelSpec spec, Map<String, List<Bar>> barsBySymbol, Instant from,
                                           Instant before, Path registry, String version) {
        List<TrainedModel> models = new ArrayList<>();
        for (Map.Entry<String, List<Bar>> e : barsBySymbol.entrySet()) {
            models.add(trainOne(spec, e.getKey(), e.getValue(), from, before, registry, version));
        }
        return models;
    }

    /**
     * The samples at the bars opening in [from, before) (at most the latest {@code trainBars}), their features
     * warmed up on up to {@link ModelSpec#WARM_UP_BARS} bars before them, their labels inside [.., before).
     */
    static Dataset samples(ModelSpec spec, List<Bar> bars, Instant from, Instant before) {
        List<Bar> past = bars.stream().filter(b -> b.openTime().isBefore(before)).toList();
        int first = Math.max(0, past.size() - spec.trainBars());
        while (from != null && first < past.size() && past.get(first).openTime().isBefore(from)) {
            first++;
        }
        int warmStart = Math.max(0, first - ModelSpec.WARM_UP_BARS);
        List<Bar> read = past.subList(warmStart, past.size());
        if (read.size() < 2) {
            return null;
        }
        Dataset all = DatasetBuilder.build(read, FeatureSets.builtIn().get(ModelSpec.FEATURE_SET),
                new ForwardReturnLabel(spec.horizon()));
        int firstSample = first - warmStart;
        int[] rows = IntStream.range(0, all.size()).filter(i -> all.barIndex()[i] >= firstSample).toArray();
        int[] barIndex = Arrays.stream(rows).map(i -> all.barIndex()[i]).toArray();
        return new Dataset(all.symbol(), all.features(), all.x(rows), all.y(rows), barIndex,
                Arrays.stream(rows).mapToObj(i -> all.time()[i]).toArray(Instant[]::new),
                Arrays.stream(rows).mapToDouble(i -> all.forwardReturn()[i]).toArray(), all.label(), all.dataSha256());
    }

    /** A registry name for the instrument's model: {@code scenario-} and the symbol in lower case. */
    static String modelName(String symbol) {
        String name = "scenario-" + symbol.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("-+$", "");
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    private static TrainedModel trainOne(ModelSpec spec, String symbol, List<Bar> bars, Instant from, Instant before,
                                         Path registry, String version) {
        Dataset data = samples(spec, bars, from, before);
        int n = data == null ? 0 : data.size();
        int minTrain = Math.max(10, n / 2);
        if (n < minTrain + EVALUATION_FOLDS) {
            throw new InvalidScenarioException("model.trainBars", n + " training samples of " + symbol + " before " + before,
                    "at least " + (10 + EVALUATION_FOLDS) + " (more bars before the tested window, or a shorter horizon)");
        }
        WalkForward evaluation = new WalkForward(EVALUATION_FOLDS, minTrain, n, spec.horizon());
        ModelTrainer.Trained trained = new ModelTrainer(Clock.fixed(before, ZoneOffset.UTC)).train(modelName(symbol), version,
                ModelSpec.FEATURE_SET, data, bars.get(0).period(), Algorithm.parse(spec.algorithm()), evaluation, spec.seed());
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = trained.model().probabilityUp(data.x()[i]);
        }
        Metrics inSample = Metrics.of(data.y(), p);
        ModelMetadata stored = register(registry, trained);
        return new TrainedModel(new RequestedModel(symbol, stored.name(), stored.version()), stored, inSample);
    }

    private static ModelMetadata register(Path registry, ModelTrainer.Trained trained) {
        Path existing = registry.resolve(trained.metadata().name()).resolve(trained.metadata().version());
        try {
            if (Files.exists(existing)) {
                try (Stream<Path> files = Files.walk(existing)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
            return new ModelRegistry(registry).register(trained.metadata(), trained.model());
        } catch (IOException e) {
            throw new UncheckedIOException("model registry " + registry + ": " + e.getMessage(), e);
        }
    }
}
