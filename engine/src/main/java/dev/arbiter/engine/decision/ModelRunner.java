package dev.arbiter.engine.decision;

import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.EnsembleSpread;
import dev.arbiter.kb.text.Figures;
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
import dev.arbiter.mlbridge.model.ModelUse;
import dev.arbiter.mlbridge.model.RegisteredModel;
import dev.arbiter.mlbridge.predict.ModelId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    /**
     * What the requested models predicted, in request order (an ensemble's combined prediction after its members), what
     * monitoring says of each, and how far each ensemble's members were apart. Only the predictions that acted become
     * facts ({@link ModelPrediction#acted()}).
     */
    record Runs(List<ModelPrediction> predictions, List<ModelHealth> health, List<EnsembleSpread> spreads) {
    }

    /**
     * Runs every model the request names, slot by slot (a symbol and a purpose): one primary acts alone; several are
     * combined into one prediction weighted by their validation scores, from the healthy ones; when every primary is
     * unhealthy a declared fallback acts in their place, and without one the primaries act as they are (the L5 health
     * rule then refuses what leans on them).
     */
    Runs predict(DecisionRequest request) {
        List<ModelPrediction> predictions = new ArrayList<>();
        List<ModelHealth> health = new ArrayList<>();
        List<EnsembleSpread> spreads = new ArrayList<>();
        Map<String, List<Integer>> slots = new LinkedHashMap<>();
        for (int i = 0; i < request.models().size(); i++) {
            RequestedModel m = request.models().get(i);
            slots.computeIfAbsent(m.symbol() + " " + m.purpose(), k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> slot : slots.values()) {
            List<ModelPrediction> primaries = new ArrayList<>();
            Integer fallback = null;
            for (int i : slot) {
                RequestedModel m = request.models().get(i);
                if (m.role() == RequestedModel.Role.FALLBACK) {
                    if (fallback != null) {
                        throw new InvalidRequestException("models[" + i + "].role", "FALLBACK",
                                "one fallback per symbol and purpose (models[" + fallback + "] is " + m.symbol() + "'s "
                                        + m.purpose() + " fallback already)");
                    }
                    fallback = i;
                } else {
                    primaries.add(predict(request, i, health));
                }
            }
            if (primaries.isEmpty()) {
                throw new InvalidRequestException("models[" + slot.getFirst() + "].role", "FALLBACK",
                        "a fallback beside at least one primary model of its symbol and purpose");
            }
            List<ModelPrediction> healthy = primaries.stream().filter(ModelRunner::healthy).toList();
            if (healthy.isEmpty() && fallback != null) {
                ModelPrediction replacement = predict(request, fallback, health);
                String why = "set aside as " + (primaries.size() == 1 ? "it was" : "every primary was")
                        + " unhealthy; the fallback " + replacement.model() + " " + replacement.modelVersion()
                        + " acted in its place";
                primaries.forEach(p -> predictions.add(p.used(ModelUse.setAside(why))));
                predictions.add(replacement.used(ModelUse.acted("fallback for " + names(primaries) + ", which "
                        + (primaries.size() == 1 ? "was" : "were") + " unhealthy")));
            } else if (primaries.size() == 1) {
                predictions.add(primaries.getFirst());
            } else {
                combine(request, slot, primaries, healthy.isEmpty() ? primaries : healthy, predictions, health, spreads);
            }
        }
        return new Runs(predictions, health, spreads);
    }

    /**
     * An ensemble's prediction: the weighted mean of its acting members' probabilities and expected returns, named
     * {@code ensemble-<purpose>} with a version that digests the members and their weights. Members left out as
     * unhealthy are kept in the trace as set aside; when every member is unhealthy (and no fallback was declared) all
     * of them are combined and the ensemble is judged as unhealthy as its members, so the health rule refuses it.
     */
    private static void combine(DecisionRequest request, List<Integer> slot, List<ModelPrediction> primaries,
                                List<ModelPrediction> acting, List<ModelPrediction> predictions, List<ModelHealth> health,
                                List<EnsembleSpread> spreads) {
        RequestedModel first = request.models().get(slot.getFirst());
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int i : slot) {
            RequestedModel m = request.models().get(i);
            if (m.role() == RequestedModel.Role.PRIMARY) { // the members: the fallback is no part of the combination
                weights.put(m.model() + " " + m.version(), m.weight());
            }
        }
        double total = 0;
        double up = 0;
        double expected = 0;
        double low = 1;
        double high = 0;
        StringBuilder members = new StringBuilder();
        for (ModelPrediction p : acting) {
            if (p.horizon() != acting.getFirst().horizon()) {
                throw new InvalidRequestException("models[" + slot.getFirst() + "]", "'" + p.model() + "' (horizon "
                        + p.horizon() + " bars)", "ensemble members of one horizon (" + acting.getFirst().model()
                        + " predicts " + acting.getFirst().horizon() + " bars ahead)");
            }
            double w = weights.get(p.model() + " " + p.modelVersion());
            total += w;
            up += w * p.probabilityUp();
            expected += w * p.expectedReturn();
            low = Math.min(low, p.probabilityUp());
            high = Math.max(high, p.probabilityUp());
            members.append(members.isEmpty() ? "" : ", ").append(p.model()).append(' ').append(p.modelVersion())
                    .append(' ').append(Figures.reading(p.probabilityUp(), 4)).append(" (weight ")
                    .append(Figures.reading(w, 4)).append(')');
        }
        double probability = up / total;
        String name = RequestedModel.ensembleOf(first.purpose());
        String version = "e" + CanonicalJson.sha256(CanonicalJson.write(weights)).substring(0, 10);
        String combination = "ensemble of " + members + ", weighted by validation score; members "
                + Figures.reading(high - low, 4) + " apart";
        for (ModelPrediction p : primaries) {
            predictions.add(acting.contains(p) ? p.used(ModelUse.member("member of " + name + " " + version))
                    : p.used(ModelUse.setAside("set aside from " + name + " " + version + " as unhealthy")));
        }
        ModelPrediction ensemble = new ModelPrediction(first.symbol(), name, version, acting.getFirst().time(),
                probability, expected / total, Math.abs(2 * probability - 1), acting.getFirst().horizon(), null)
                .used(ModelUse.acted(combination));
        if (acting.stream().noneMatch(ModelRunner::healthy)) {
            boolean drifted = acting.stream().anyMatch(p -> p.health().drifted());
            boolean stale = acting.stream().anyMatch(p -> p.health().stale());
            ModelHealth verdict = new ModelHealth(name, version, drifted, stale, "every member is unhealthy: "
                    + String.join("; ", acting.stream().map(p -> p.model() + " " + p.modelVersion() + " "
                    + p.health().evidence()).toList()));
            health.add(verdict);
            ensemble = ensemble.judged(verdict);
        }
        predictions.add(ensemble);
        if (acting.size() > 1) {
            spreads.add(new EnsembleSpread(first.symbol(), name, version, high - low, members.toString()));
        }
    }

    private static boolean healthy(ModelPrediction p) {
        return p.health() == null || !(p.health().drifted() || p.health().stale());
    }

    private static String names(List<ModelPrediction> predictions) {
        return String.join(" and ", predictions.stream().map(p -> p.model() + " " + p.modelVersion()).toList());
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
