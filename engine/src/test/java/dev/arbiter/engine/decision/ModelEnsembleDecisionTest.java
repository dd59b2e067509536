package dev.arbiter.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.arbiter.engine.json.DecisionRequestReader;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.EnsembleSpread;
import dev.arbiter.kb.fact.Prediction;
import dev.arbiter.mlbridge.features.FeatureSets;
import dev.arbiter.mlbridge.marketdata.Ta4jJsonBars;
import dev.arbiter.mlbridge.model.Algorithm;
import dev.arbiter.mlbridge.model.DatasetBuilder;
import dev.arbiter.mlbridge.model.ForwardReturnLabel;
import dev.arbiter.mlbridge.model.ModelPrediction;
import dev.arbiter.mlbridge.model.ModelRegistry;
import dev.arbiter.mlbridge.model.ModelTrainer;
import dev.arbiter.mlbridge.model.ModelUse;
import dev.arbiter.mlbridge.model.WalkForward;
import dev.arbiter.rules.session.Firing;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several models in one slot (a symbol and a purpose): two primaries trained on the real ETH-USD 5-minute bars before
 * the decision are combined by their weights into the one prediction the rules see, their spread gated by L5; a
 * primary that has seen the future of the decision (STALE) is set aside for the declared fallback, and an intent that
 * says it acted on the set-aside model is refused.
 */
class ModelEnsembleDecisionTest {

    private static final Instant AS_OF = Instant.parse("2023-03-15T13:35:30Z");
    private static final String EXAMPLE = new String(ExampleRequests.exampleBytes(), StandardCharsets.UTF_8);

    @TempDir
    static Path registryRoot;

    private static DecisionPipeline pipeline;

    @BeforeAll
    static void trainAndRegister() throws Exception {
        List<Bar> bars;
        try (InputStream in = ModelEnsembleDecisionTest.class.getResourceAsStream("/ETH-USD-PT5M-2023-3-13_2023-3-15.json")) {
            bars = Ta4jJsonBars.read(in, "ETH-USD", Duration.ofMinutes(5));
        }
        List<Bar> beforeDecision = bars.stream().filter(b -> !b.endTime().isAfter(AS_OF)).toList();
        ModelTrainer trainer = new ModelTrainer(Clock.fixed(Instant.parse("2023-03-15T12:00:00Z"), ZoneOffset.UTC));
        ModelRegistry registry = new ModelRegistry(registryRoot);
        WalkForward walkForward = new WalkForward(2, 200, 400, 6);
        for (Object[] spec : new Object[][] {{"logit-eth-5m", Algorithm.LOGIT, beforeDecision},
                {"gbt-eth-5m", Algorithm.GBT, beforeDecision}, {"future-eth-5m", Algorithm.LOGIT, bars}}) {
            @SuppressWarnings("unchecked")
            List<Bar> trainingBars = (List<Bar>) spec[2];
            ModelTrainer.Trained trained = trainer.train((String) spec[0], "1", "model", DatasetBuilder.build(trainingBars,
                    FeatureSets.builtIn().get("model"), new ForwardReturnLabel(6)), Duration.ofMinutes(5),
                    (Algorithm) spec[1], walkForward, 11);
            registry.register(trained.metadata(), trained.model());
        }
        pipeline = DecisionPipeline.withShippedDefaults(registry);
    }

    @AfterAll
    static void close() {
        pipeline.close();
    }

    @Test
    void twoPrimariesAreCombinedByTheirWeightsIntoTheOnePredictionTheRulesSee() {
        ActiveModels slot = (choice, at) -> List.of(
                new RequestedModel("ETH-USD", "logit-eth-5m", "1", "direction", RequestedModel.Role.PRIMARY, 0.03),
                new RequestedModel("ETH-USD", "gbt-eth-5m", "1", "direction", RequestedModel.Role.PRIMARY, 0.01));
        DecisionRequest request = requestActingOn(slot, "ensemble-direction", "logit-eth-5m", "gbt-eth-5m");
        // every prediction an intent acted on falls short of this confidence: the firings show which ones were facts
        RuleRelease strict = releaseWith("min-prediction-confidence", "0.99");

        DecisionResult result = pipeline.decide("dec-ensemble", request, strict);

        List<ModelPrediction> predictions = result.trace().modelPredictions();
        assertThat(predictions).extracting(ModelPrediction::model)
                .containsExactly("logit-eth-5m", "gbt-eth-5m", "ensemble-direction");
        ModelPrediction logit = predictions.get(0);
        ModelPrediction gbt = predictions.get(1);
        ModelPrediction ensemble = predictions.get(2);
        assertThat(logit.use().kind()).isEqualTo(ModelUse.Kind.MEMBER);
        assertThat(gbt.use().kind()).isEqualTo(ModelUse.Kind.MEMBER);
        assertThat(ensemble.use().kind()).isEqualTo(ModelUse.Kind.ACTED);
        assertThat(ensemble.probabilityUp()).isCloseTo(
                (0.03 * logit.probabilityUp() + 0.01 * gbt.probabilityUp()) / 0.04, within(1e-12));
        assertThat(ensemble.expectedReturn()).isCloseTo(
                (0.03 * logit.expectedReturn() + 0.01 * gbt.expectedReturn()) / 0.04, within(1e-15));
        assertThat(ensemble.confidence()).isCloseTo(Math.abs(2 * ensemble.probabilityUp() - 1), within(1e-15));
        assertThat(ensemble.modelVersion()).matches("e[0-9a-f]{10}");
        assertThat(ensemble.time()).isEqualTo(logit.time()).isEqualTo(gbt.time());

        // only the combination is a fact: the low-confidence rule matched it, never a member's, though the intents
        // name the members too
        Set<String> judged = result.trace().firings().stream().filter(f -> f.reasonCode().equals("L5-LOW-CONFIDENCE"))
                .flatMap(f -> f.matchedOf(Prediction.class).stream()).map(Prediction::model)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(judged).containsExactly("ensemble-direction");

        // the members' spread is a fact of its own, and the spread rule refuses exactly when it is above the limit
        double spread = Math.abs(logit.probabilityUp() - gbt.probabilityUp());
        List<Firing> spreadFirings = result.trace().firings().stream()
                .filter(f -> f.reasonCode().equals("L5-ENSEMBLE-SPREAD")).toList();
        boolean wide = spread > strict.limits().require("max-ensemble-disagreement").doubleValue();
        assertThat(spreadFirings.isEmpty()).isEqualTo(!wide);
        RuleRelease tight = releaseWith("max-ensemble-disagreement", "0");
        DecisionResult gated = pipeline.decide("dec-ensemble-gated", request, tight);
        List<Firing> gatedFirings = gated.trace().firings().stream()
                .filter(f -> f.reasonCode().equals("L5-ENSEMBLE-SPREAD")).toList();
        assertThat(gatedFirings).hasSize(2); // the two intents
        assertThat(gatedFirings.getFirst().matchedOf(EnsembleSpread.class)).singleElement().satisfies(s -> {
            assertThat(s.spread()).isCloseTo(spread, within(1e-12));
            assertThat(s.model()).isEqualTo("ensemble-direction");
            assertThat(s.members()).contains("logit-eth-5m 1", "(weight 0.0300)", "gbt-eth-5m 1", "(weight 0.0100)");
        });
        assertThat(gated.decision().proposals()).filteredOn(p -> p.proposalId().startsWith("i-")).hasSize(2)
                .allSatisfy(p -> assertThat(p.reasonCodes()).contains("L5-ENSEMBLE-SPREAD"));
    }

    @Test
    void aStalePrimaryIsSetAsideForTheDeclaredFallback() {
        ActiveModels slot = (choice, at) -> List.of(
                new RequestedModel("ETH-USD", "future-eth-5m", "1", "direction", RequestedModel.Role.PRIMARY, 0.02),
                new RequestedModel("ETH-USD", "logit-eth-5m", "1", "direction", RequestedModel.Role.FALLBACK, 0.03));
        DecisionRequest onFallback = requestActingOn(slot, "logit-eth-5m");

        DecisionResult result = pipeline.decide("dec-fallback", onFallback);

        List<ModelPrediction> predictions = result.trace().modelPredictions();
        assertThat(predictions).extracting(ModelPrediction::model).containsExactly("future-eth-5m", "logit-eth-5m");
        ModelPrediction primary = predictions.get(0);
        assertThat(primary.health().stale()).isTrue();
        assertThat(primary.health().evidence()).contains("after the decision time");
        assertThat(primary.use().kind()).isEqualTo(ModelUse.Kind.SET_ASIDE);
        assertThat(primary.use().note()).contains("the fallback logit-eth-5m 1 acted in its place");
        assertThat(predictions.get(1).use().kind()).isEqualTo(ModelUse.Kind.ACTED);
        assertThat(predictions.get(1).use().note()).isEqualTo("fallback for future-eth-5m 1, which was unhealthy");
        assertThat(result.decision().proposals()).filteredOn(p -> p.proposalId().startsWith("i-")).hasSize(2)
                .allSatisfy(p -> assertThat(p.reasonCodes()).doesNotContain("L5-MODEL-UNHEALTHY", "L5-MODEL-SET-ASIDE"));

        // an intent that says it acted on the model the engine set aside is refused, with the monitor's evidence
        DecisionResult onPrimary = pipeline.decide("dec-set-aside", requestActingOn(slot, "future-eth-5m"));
        assertThat(onPrimary.decision().proposals()).filteredOn(p -> p.proposalId().startsWith("i-")).hasSize(2)
                .allSatisfy(p -> {
                    assertThat(p.status()).isEqualTo("REJECTED");
                    assertThat(p.reasonCodes()).contains("L5-MODEL-SET-ASIDE").doesNotContain("L5-MODEL-UNHEALTHY");
                });
        assertThat(onPrimary.trace().outcomes()).filteredOn(o -> o.reason().code().equals("L5-MODEL-SET-ASIDE"))
                .hasSize(2).allSatisfy(o -> assertThat(o.reason().message()).startsWith(
                        "model future-eth-5m 1 was set aside as unhealthy and made no prediction to act on (STALE"));
    }

    @Test
    void withoutAFallbackAnUnhealthyPrimaryStillActsAndTheHealthRuleRefusesWhatLeansOnIt() {
        ActiveModels slot = (choice, at) -> List.of(
                new RequestedModel("ETH-USD", "future-eth-5m", "1", "direction", RequestedModel.Role.PRIMARY, 0.02));

        DecisionResult result = pipeline.decide("dec-no-fallback", requestActingOn(slot, "future-eth-5m"));

        assertThat(result.trace().modelPredictions()).singleElement().satisfies(p -> {
            assertThat(p.acted()).isTrue();
            assertThat(p.health().stale()).isTrue();
        });
        assertThat(result.decision().proposals()).filteredOn(p -> p.proposalId().startsWith("i-")).hasSize(2)
                .allSatisfy(p -> assertThat(p.reasonCodes()).contains("L5-MODEL-UNHEALTHY"));
    }

    @Test
    void twoFallbacksInOneSlotAreRefused() {
        ActiveModels slot = (choice, at) -> List.of(
                new RequestedModel("ETH-USD", "logit-eth-5m", "1", "direction", RequestedModel.Role.PRIMARY, 0.03),
                new RequestedModel("ETH-USD", "gbt-eth-5m", "1", "direction", RequestedModel.Role.FALLBACK, 0.01),
                new RequestedModel("ETH-USD", "future-eth-5m", "1", "direction", RequestedModel.Role.FALLBACK, 0.02));
        DecisionRequest request = requestActingOn(slot, "logit-eth-5m");

        assertThatThrownBy(() -> pipeline.decide("dec-two-fallbacks", request))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("models[2].role");
                    assertThat(e.accepted()).contains("one fallback per symbol and purpose");
                });
    }

    /** The example's request asking for the direction slot, its intents acting on {@code actedOn}. */
    private static DecisionRequest requestActingOn(ActiveModels slot, String... actedOn) {
        String models = "\"models\": [" + String.join(", ", java.util.Arrays.stream(actedOn).map(m -> "\"" + m + "\"")
                .toList()) + "]";
        String json = EXAMPLE.replace("\"models\": [\"gbm-direction\"]", models)
                .replace("\"intents\": [", "\"models\": [{\"symbol\": \"ETH-USD\", \"purpose\": \"direction\"}],\n  \"intents\": [");
        assertThat(json).contains(models);
        return ExampleRequests.complete(DecisionRequestReader.readClient(json.getBytes(StandardCharsets.UTF_8)), slot);
    }

    private static RuleRelease releaseWith(String limit, String value) {
        RuleRelease shipped = pipeline.active();
        return new RuleRelease(shipped.rules(), shipped.limits().with(limit, new BigDecimal(value)), shipped.parameters(),
                shipped.instruments());
    }
}
