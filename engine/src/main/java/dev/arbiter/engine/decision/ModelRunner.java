package dev.arbiter.engine.decision;

import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.ModelHealth;
import dev.arbiter.mlbridge.features.FeatureSet;
import dev.arbiter.mlbridge.features.FeatureSets;
import dev.arbiter.mlbridge.features.FeatureUpdate;
import dev.arbiter.mlbridge.features.StreamingFeatures;
import dev.arbiter.mlbridge.model.ForwardReturnLabel;
import dev.arbiter.mlbridge.model.ModelMetadata;
import dev.arbiter.mlbridge.model.ModelMonitor;
import dev.arbiter.mlbridge.model.ModelPrediction;
import dev.arbiter.mlbridge.model.ModelRegistry;
import dev.arbiter.mlbridge.model.RegisteredModel;
import dev.arbiter.mlbridge.predict.ModelId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the registered models a request names ({@link DecisionRequest#models()}): each model's bars are the
 * request's bars for its symbol, streamed through the model's feature set, and it predicts at the last bar.
 * Fails closed: a model the registry does not hold, one trained on another bar period, or features still
 * warming up at the last bar refuse the request, naming the model and what would be accepted.
 *
 * <p>Loaded models are kept per name and version (a registered version never changes), so a model is read
 * and its hash checked once; only models that loaded are kept, so the cache is bounded by the registry.
 */
final class ModelRunner {

    private final ModelRegistry registry;
    private final FeatureSets featureSets = FeatureSets.builtIn();
    private final Map<ModelId, RegisteredModel> loaded = new ConcurrentHashMap<>();

    ModelRunner(ModelRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** What the requested models predicted, in request order, and what monitoring says of each. */
    record Runs(List<ModelPrediction> predictions, List<ModelHealth> health) {
    }

    /** One prediction per requested model, in request order, with each model's health where it can be judged. */
    Runs predict(DecisionRequest request) {
        List<ModelPrediction> predictions = new ArrayList<>(request.models().size());
        List<ModelHealth> health = new ArrayList<>();
        for (int i = 0; i < request.models().size(); i++) {
            predictions.add(predict(request, i, health));
        }
        return new Runs(predictions, health);
    }

    /**
     * The model's health at {@code asOf}, judged by the monitor on the feature rows the bars gave: stale when its
     * training data is too old; drifted when its inputs moved away from its training window (PSI) or when its
     * predictions on the rows whose outcome the bars already resolved were right less often than its walk-forward
     * accuracy allows. With fewer rows than the monitor needs, only the age is judged: no verdict when the model is
     * young enough, rather than a STALE one that would only say the engine keeps few bars.
     */
    private static ModelHealth judge(RegisteredModel model, List<double[]> rows, List<Integer> rowBars, double[] closes,
                                     java.time.Instant asOf) {
        ModelMetadata metadata = model.metadata();
        ForwardReturnLabel label = new ForwardReturnLabel(metadata.horizon());
        List<Integer> outcomes = new ArrayList<>();
        List<Double> probabilities = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            int outcome = label.outcome(closes, rowBars.get(k));
            if (outcome != ForwardReturnLabel.UNRESOLVED) {
                outcomes.add(outcome);
                probabilities.add(model.model().probabilityUp(rows.get(k)));
            }
        }
        ModelMonitor.Verdict verdict = MONITOR.check(metadata, rows,
                outcomes.stream().mapToInt(Integer::intValue).toArray(),
                probabilities.stream().mapToDouble(Double::doubleValue).toArray(), asOf);
        java.time.Duration age = java.time.Duration.between(metadata.trainedTo(), asOf);
        boolean tooOld = age.isNegative() || age.compareTo(MONITOR.maxAge()) > 0;
        return rows.size() >= MONITOR.minSamples() || tooOld ? verdict.fact() : null;
    }

    private static final ModelMonitor MONITOR = ModelMonitor.DEFAULTS;

    private ModelPrediction predict(DecisionRequest request, int i, List<ModelHealth> health) {
        RequestedModel requested = request.models().get(i);
        String at = "models[" + i + "]";
        RegisteredModel model = load(requested, at);
        ModelMetadata metadata = model.metadata();
        int seriesIndex = seriesIndex(request, requested.symbol());
        MarketSeries series = request.marketData().get(seriesIndex);
        String seriesAt = "marketData[" + seriesIndex + "]";
        if (!series.period().equals(metadata.period())) {
            throw new InvalidRequestException(at + ".model", "'" + requested.id() + "' (trained on " + metadata.period() + " bars)",
                    "a model trained on the " + series.period() + " bars " + seriesAt + " holds for " + requested.symbol());
        }
        FeatureSet set = featureSet(metadata, requested, at);
        StreamingFeatures features = new StreamingFeatures(requested.symbol(), series.period(), set);
        FeatureUpdate last = null;
        List<double[]> rows = new ArrayList<>();
        List<Integer> rowBars = new ArrayList<>();
        List<Bar> bars = series.toBars(seriesAt);
        double[] closes = new double[bars.size()];
        for (int b = 0; b < bars.size(); b++) {
            Bar bar = bars.get(b);
            closes[b] = bar.close().doubleValue();
            last = features.accept(bar);
            double[] row = new double[metadata.features().size()];
            boolean defined = true;
            for (int c = 0; c < row.length && defined; c++) {
                row[c] = last.value(metadata.features().get(c));
                defined = !Double.isNaN(row[c]);
            }
            if (defined) {
                rows.add(row);
                rowBars.add(b);
            }
        }
        requireDefined(last, features, metadata, requested, at, seriesAt);
        ModelPrediction prediction = model.predictAttributed(last);
        ModelHealth verdict = judge(model, rows, rowBars, closes, request.asOf());
        if (verdict == null) {
            return prediction;
        }
        health.add(verdict);
        return prediction.judged(verdict);
    }

    private RegisteredModel load(RequestedModel requested, String at) {
        ModelId id = requested.id();
        RegisteredModel cached = loaded.get(id);
        if (cached != null) {
            return cached;
        }
        try {
            RegisteredModel model = registry.load(id.name(), id.version());
            RegisteredModel raced = loaded.putIfAbsent(id, model);
            return raced == null ? model : raced;
        } catch (NoSuchFileException e) {
            throw notRegistered(requested, at);
        } catch (IOException e) {
            throw new UncheckedIOException("model " + id + " (" + at + ") could not be loaded from the registry: "
                    + e.getMessage(), e);
        }
    }

    private InvalidRequestException notRegistered(RequestedModel requested, String at) {
        List<String> versions;
        try {
            versions = registry.versions(requested.model());
        } catch (IOException e) {
            throw new UncheckedIOException("the model registry could not list the versions of " + requested.model(), e);
        }
        if (versions.isEmpty()) {
            return new InvalidRequestException(at + ".model", "'" + requested.model() + "'",
                    "the name of a model in the engine's model registry (none is registered under this name)");
        }
        return new InvalidRequestException(at + ".version", "'" + requested.version() + "'",
                "a registered version of " + requested.model() + ": one of " + versions);
    }

    private FeatureSet featureSet(ModelMetadata metadata, RequestedModel requested, String at) {
        try {
            return featureSets.get(metadata.featureSet());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(at + ".model", "'" + requested.id() + "' (feature set '" + metadata.featureSet() + "')",
                    "a model trained on one of the built-in feature sets " + featureSets.names());
        }
    }

    /** Every column the model reads has a value at the last bar, or the request is refused saying why. */
    private static void requireDefined(FeatureUpdate last, StreamingFeatures features, ModelMetadata metadata,
                                       RequestedModel requested, String at, String seriesAt) {
        List<String> columns = features.set().columns();
        int[] warmUps = features.warmUps();
        long bars = features.barCount();
        long needed = 0;
        List<String> warming = new ArrayList<>();
        List<String> undefined = new ArrayList<>();
        for (String column : metadata.features()) {
            if (!Double.isNaN(last.value(column))) {
                continue;
            }
            int warmUp = warmUps[columns.indexOf(column)];
            if (bars <= warmUp) {
                warming.add(column + " needs " + (warmUp + 1));
                needed = Math.max(needed, warmUp + 1L);
            } else {
                undefined.add(column);
            }
        }
        if (!warming.isEmpty()) {
            throw new InvalidRequestException(seriesAt + ".bars", bars + " bars",
                    "at least " + needed + " bars for " + at + " " + requested.id() + ": its features are still warming up at the"
                            + " last bar (" + String.join(", ", warming) + "); no prediction is made from a feature without a value");
        }
        if (!undefined.isEmpty()) {
            throw new InvalidRequestException(at + ".model", "'" + requested.id() + "'",
                    "a model whose features have values at the last " + requested.symbol() + " bar; " + undefined
                            + " have none there (undefined on these bars, e.g. a ratio over a flat window)");
        }
    }

    private static int seriesIndex(DecisionRequest request, String symbol) {
        for (int i = 0; i < request.marketData().size(); i++) {
            if (request.marketData().get(i).symbol().equals(symbol)) {
                return i;
            }
        }
        throw new IllegalStateException("no marketData for " + symbol + "; DecisionRequest checks this");
    }
}
