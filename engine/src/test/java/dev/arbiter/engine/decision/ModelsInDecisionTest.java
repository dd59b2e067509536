package dev.arbiter.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.json.DecisionRequestReader;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.ModelHealth;
import dev.arbiter.kb.fact.Prediction;
import dev.arbiter.mlbridge.features.FeatureSets;
import dev.arbiter.mlbridge.marketdata.Ta4jJsonBars;
import dev.arbiter.mlbridge.model.Algorithm;
import dev.arbiter.mlbridge.model.Attribution;
import dev.arbiter.mlbridge.model.Dataset;
import dev.arbiter.mlbridge.model.DatasetBuilder;
import dev.arbiter.mlbridge.model.ForwardReturnLabel;
import dev.arbiter.mlbridge.model.Metrics;
import dev.arbiter.mlbridge.model.ModelMetadata;
import dev.arbiter.mlbridge.model.ModelPrediction;
import dev.arbiter.mlbridge.model.ProbabilityModel;
import dev.arbiter.mlbridge.model.ModelRegistry;
import dev.arbiter.mlbridge.model.ModelTrainer;
import dev.arbiter.mlbridge.model.WalkForward;
import dev.arbiter.rules.pack.LimitSet;
import dev.arbiter.rules.session.Firing;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * A registered model named in the request predicts inside the decision: a small logistic model, trained (seeded) on the
 * real ETH-USD 5-minute bars before the decision time and registered in a temporary registry, runs on the documented
 * example request's 120 bars; its Prediction reaches the rules and its provenance the trace.
 */
class ModelsInDecisionTest {

    private static final String MODEL = "logit-eth-5m";
    private static final Instant AS_OF = Instant.parse("2023-03-15T13:35:30Z");
    private static final String EXAMPLE = new String(ExampleRequests.exampleBytes(), StandardCharsets.UTF_8);

    @TempDir
    static Path registryRoot;

    private static ModelMetadata registered;
    private static DecisionPipeline pipeline;
    private static List<Bar> beforeDecision;
    private static ProbabilityModel scorer;

    @BeforeAll
    static void trainAndRegister() throws Exception {
        List<Bar> bars;
        try (InputStream in = ModelsInDecisionTest.class.getResourceAsStream("/ETH-USD-PT5M-2023-3-13_2023-3-15.json")) {
            bars = Ta4jJsonBars.read(in, "ETH-USD", Duration.ofMinutes(5));
        }
        beforeDecision = bars.stream().filter(b -> !b.endTime().isAfter(AS_OF)).toList();
        ModelTrainer.Trained trained = new ModelTrainer(Clock.fixed(Instant.parse("2023-03-15T12:00:00Z"), ZoneOffset.UTC))
                .train(MODEL, "1", "model", DatasetBuilder.build(beforeDecision, FeatureSets.builtIn().get("model"),
                        new ForwardReturnLabel(6)), Duration.ofMinutes(5), Algorithm.LOGIT, new WalkForward(2, 200, 400, 6), 11);
        ModelRegistry registry = new ModelRegistry(registryRoot);
        registered = registry.register(trained.metadata(), trained.model());
        scorer = trained.model();
        ModelMetadata m = trained.metadata();
        registry.register(new ModelMetadata("logit-eth-1h", "1", m.algorithm(), m.symbol(), Duration.ofHours(1), m.featureSet(),
                m.features(), m.label(), m.horizon(), m.trainedFrom(), m.trainedTo(), m.trainingSamples(), m.dataSha256(), m.seed(),
                m.walkForward(), m.meanAbsForwardReturn(), m.references(), m.trainedAt(), null, m.validation()), trained.model());
        pipeline = DecisionPipeline.withShippedDefaults(registry);
    }

    @AfterAll
    static void close() {
        pipeline.close();
    }

    @Test
    void aNamedModelPredictsAtTheLastBarAndItsPredictionReachesTheRulesAndTheTrace() {
        DecisionResult result = pipeline.decide("dec-model", namingActedOn(model("ETH-USD", MODEL, "1")));

        ModelPrediction prediction = result.trace().modelPredictions().get(0);
        assertThat(result.trace().modelPredictions()).hasSize(1);
        assertThat(prediction.symbol()).isEqualTo("ETH-USD");
        assertThat(prediction.model()).isEqualTo(MODEL);
        assertThat(prediction.modelVersion()).isEqualTo("1");
        assertThat(prediction.dataSha256()).isEqualTo(registered.dataSha256()).hasSize(64);
        assertThat(prediction.horizon()).isEqualTo(6);
        assertThat(prediction.time()).isEqualTo(Instant.parse("2023-03-15T13:35:00Z"));
        assertThat(prediction.confidence()).isEqualTo(Math.abs(2 * prediction.probabilityUp() - 1));
        assertThat(prediction.expectedReturn())
                .isEqualTo((2 * prediction.probabilityUp() - 1) * registered.meanAbsForwardReturn());

        // why the model leaned: the contributions and the base sum to its log-odds, and the intents that acted on
        // it say so in their explanations, naming the three features that moved it most
        Attribution attribution = prediction.attribution();
        assertThat(attribution).isNotNull();
        double logOdds = Math.log(prediction.probabilityUp() / (1 - prediction.probabilityUp()));
        assertThat(attribution.baseValue() + attribution.contributions().stream()
                .mapToDouble(Attribution.Contribution::contribution).sum()).isCloseTo(logOdds, within(1e-9));
        String leaned = String.format(java.util.Locale.ROOT, "model %s 1 put an up move at %.4f (log-odds %+.4f from its base"
                + " %+.4f); the features that moved it most: ", MODEL, prediction.probabilityUp(), logOdds,
                attribution.baseValue());
        String features = String.join(", ", attribution.largest(3).stream().map(c -> String.format(java.util.Locale.ROOT,
                "%s %+.4f", c.feature(), c.contribution())).toList());
        assertThat(result.trace().explanations()).filteredOn(e -> e.proposalId().startsWith("i-")).hasSize(2)
                .allSatisfy(e -> assertThat(e.because()).contains(leaned + features));
        assertThat(result.trace().explanations()).filteredOn(e -> e.proposalId().startsWith("S-")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.because()).noneMatch(b -> b.startsWith("model ")));

        double minimum = LimitSet.shippedDefault().facts().stream()
                .filter(l -> l.name().equals("min-prediction-confidence")).findFirst().orElseThrow().value().doubleValue();
        List<Firing> lowConfidence = result.trace().firings().stream()
                .filter(f -> f.reasonCode().equals("L5-LOW-CONFIDENCE"))
                .filter(f -> f.matchedOf(Prediction.class).stream().anyMatch(m -> m.symbol().equals("ETH-USD")
                        && m.model().equals(MODEL) && m.modelVersion().equals("1")
                        && m.time().equals(java.time.Instant.parse("2023-03-15T13:35:00Z"))
                        && m.probabilityUp() == prediction.probabilityUp()
                        && m.expectedReturn() == prediction.expectedReturn()))
                .toList();
        if (prediction.confidence() < minimum) {
            assertThat(lowConfidence).isNotEmpty();
            // the model layer judges what acted on the model: the intents naming it, not the momentum strategy's
            // proposal, which matched no prediction
            assertThat(result.decision().proposals()).filteredOn(v -> v.proposalId().startsWith("i-")).hasSize(2)
                    .allSatisfy(v -> assertThat(v.reasonCodes()).contains("L5-LOW-CONFIDENCE"));
            assertThat(result.decision().proposals()).filteredOn(v -> v.proposalId().startsWith("S-")).isNotEmpty()
                    .allSatisfy(v -> assertThat(v.reasonCodes()).doesNotContain("L5-LOW-CONFIDENCE"));
        } else {
            assertThat(lowConfidence).isEmpty();
        }
    }

    @Test
    void theEngineScoresTheModelOnTheOutcomesItsBarsAlreadyResolved() {
        // every bar of the day before the decision, not only the example's last 120: enough resolved outcomes
        List<MarketSeries.Row> rows = beforeDecision.stream().map(b -> new MarketSeries.Row(b.openTime(), b.open(),
                b.high(), b.low(), b.close(), b.volume())).toList();
        DecisionRequest example = namingActedOn(model("ETH-USD", MODEL, "1"));
        DecisionRequest request = new DecisionRequest(example.requestId(), example.asOf(), example.account(),
                example.positions(), example.openOrders(), example.instruments(),
                List.of(new MarketSeries("ETH-USD", Duration.ofMinutes(5), rows)), example.predictions(),
                example.models(), example.intents(), example.context(), List.of(), example.state(), example.markPrices());

        ModelPrediction prediction = pipeline.decide("dec-scored", request).trace().modelPredictions().getFirst();

        // the same outcomes and probabilities worked out here from the same bars, with the training's own label
        Dataset resolved = DatasetBuilder.build(beforeDecision, FeatureSets.builtIn().get("model"), new ForwardReturnLabel(6));
        double[] probabilities = java.util.Arrays.stream(resolved.x()).mapToDouble(scorer::probabilityUp).toArray();
        double accuracy = Metrics.of(resolved.y(), probabilities).accuracy();
        assertThat(resolved.size()).isGreaterThanOrEqualTo(100);
        assertThat(prediction.health()).isNotNull();
        assertThat(prediction.health().evidence()).contains(String.format(java.util.Locale.ROOT,
                "rolling accuracy %.4f over %d outcomes", accuracy, resolved.size()));
        assertThat(result(prediction.health())).isIn("OK", "DRIFTED");
    }

    private static String result(ModelHealth health) {
        return health.stale() ? "STALE" : health.drifted() ? "DRIFTED" : "OK";
    }

    @Test
    void theSameRequestWithTheSameModelGivesTheSameDecisionTwice() {
        DecisionRequest request = naming(model("ETH-USD", MODEL, "1"));

        DecisionResult first = pipeline.decide("dec-twice", request);
        DecisionResult second = pipeline.decide("dec-twice", request);

        assertThat(json(second.decision())).isEqualTo(json(first.decision()));
        assertThat(json(second.trace().modelPredictions())).isEqualTo(json(first.trace().modelPredictions()));
        assertThat(json(second.trace().firings())).isEqualTo(json(first.trace().firings()));
    }

    @Test
    void aTraceStoredBeforeModelsRanInsideDecisionsStillReads() {
        DecisionResult result = pipeline.decide("dec-old", naming(model("ETH-USD", MODEL, "1")));
        ObjectNode stored = (ObjectNode) ArbiterJson.mapper().valueToTree(result.trace());
        stored.remove("modelPredictions");
        ObjectNode request = (ObjectNode) stored.get("request");
        request.remove("models");
        ((ObjectNode) request.get("predictions").get(0)).remove("expectedReturn");

        DecisionTrace old = ArbiterJson.mapper().treeToValue(stored, DecisionTrace.class);

        assertThat(old.modelPredictions()).isEmpty();
        assertThat(old.request().models()).isEmpty();
        assertThat(old.request().predictions().get(0).expectedReturn()).isZero();
        assertThat(old.firings()).isEqualTo(result.trace().firings());
    }

    @Test
    void aRequestWithoutModelsRunsNone() {
        DecisionResult result = pipeline.decide("dec-none", ExampleRequests.example());

        assertThat(result.trace().modelPredictions()).isEmpty();
    }

    @Test
    void anUnknownModelIsRefusedNamingIt() {
        refused(() -> pipeline.decide("d", naming(model("ETH-USD", "gbt-nowhere", "1"))),
                "models[0].model", "'gbt-nowhere'", "none is registered under this name");
    }

    @Test
    void anUnregisteredVersionIsRefusedListingTheRegisteredOnes() {
        refused(() -> pipeline.decide("d", naming(model("ETH-USD", MODEL, "2"))),
                "models[0].version", "'2'", "a registered version of " + MODEL + ": one of [1]");
    }

    @Test
    void aModelTrainedOnAnotherBarPeriodIsRefused() {
        refused(() -> pipeline.decide("d", naming(model("ETH-USD", "logit-eth-1h", "1"))),
                "models[0].model", "'logit-eth-1h@1' (trained on PT1H bars)", "a model trained on the PT5M bars");
    }

    @Test
    void featuresStillWarmingUpAtTheLastBarFailClosed() {
        DecisionRequest full = naming(model("ETH-USD", MODEL, "1"));
        MarketSeries series = full.marketData().get(0);
        MarketSeries short30 = new MarketSeries(series.symbol(), series.period(), series.bars().subList(90, 120));
        DecisionRequest request = new DecisionRequest(full.requestId(), full.asOf(), full.account(), full.positions(),
                full.openOrders(), full.instruments(), List.of(short30), full.predictions(), full.models(), full.intents(),
                full.context());

        refused(() -> pipeline.decide("d", request), "marketData[0].bars", "30 bars",
                "at least 50 bars for models[0] logit-eth-5m@1: its features are still warming up at the last bar"
                        + " (macdhist_12_26_9 needs 34, distsma_50 needs 50)");
    }

    @Test
    void badModelEntriesAreRefusedWhenTheRequestIsRead() {
        // BTC-USD is listed, but the engine keeps no BTC-USD bars for the model to predict from
        refused(() -> naming(model("BTC-USD", MODEL, "1")), "models[0].symbol", "'BTC-USD'", "a symbol with bars in marketData");
        refused(() -> naming(model("XYZ-USD", MODEL, "1")), "models[0].symbol", "'XYZ-USD'", "a symbol listed in instruments [ETH-USD]");
        refused(() -> naming("null"), "models[0]", "null", "an entry");
        refused(() -> naming(model("ETH-USD", MODEL, "1"), model("ETH-USD", MODEL, "1")),
                "models[1].model", "'" + MODEL + "'", "each model once per symbol");
        refused(() -> naming(model("ETH-USD", "Logit_ETH", "1")), "models[0].model", "Logit_ETH", "lower-case letters, digits and dashes");
        refused(() -> naming(model("ETH-USD", MODEL, "v 1")), "models[0].version", "v 1", "letters, digits");
        refused(() -> naming(model("ETH-USD", "gbm-direction", "2023-03-01")), "models[0].model", "'gbm-direction'",
                "send the prediction or name the model, not both");
    }

    private static String model(String symbol, String name, String version) {
        return "{\"symbol\": \"" + symbol + "\", \"model\": \"" + name + "\", \"version\": \"" + version + "\"}";
    }

    /** The documented example's client request, naming {@code models}, completed from the example's engine state. */
    private static DecisionRequest naming(String... models) {
        return namingIn(EXAMPLE, models);
    }

    /** The same, its intents acting on the engine-run model as well as on the client's prediction. */
    private static DecisionRequest namingActedOn(String... models) {
        String actedOn = "\"models\": [\"gbm-direction\", \"" + MODEL + "\"]";
        String example = EXAMPLE.replace("\"models\": [\"gbm-direction\"]", actedOn);
        assertThat(example).contains(actedOn);
        return namingIn(example, models);
    }

    private static DecisionRequest namingIn(String example, String... models) {
        String json = example.replace("\"intents\": [", "\"models\": [" + String.join(", ", models) + "],\n  \"intents\": [");
        assertThat(json).contains("\"models\"");
        return ExampleRequests.complete(DecisionRequestReader.readClient(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static void refused(Runnable decision, String field, String value, String accepted) {
        assertThatThrownBy(decision::run).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.value()).contains(value);
            assertThat(e.accepted()).contains(accepted);
        });
    }

    private static String json(Object value) {
        return ArbiterJson.mapper().writeValueAsString(value);
    }
}
