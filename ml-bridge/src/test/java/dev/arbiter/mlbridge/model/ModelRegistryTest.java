package dev.arbiter.mlbridge.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.Prediction;
import dev.arbiter.mlbridge.features.FeatureSet;
import dev.arbiter.mlbridge.features.FeatureSets;
import dev.arbiter.mlbridge.features.FeatureUpdate;
import dev.arbiter.mlbridge.features.StreamingFeatures;
import dev.arbiter.mlbridge.marketdata.EthUsdBars;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {

    private static final Instant TRAINED_AT = Instant.parse("2023-03-16T00:00:00Z");
    private static final FeatureSet SET = FeatureSets.builtIn().get("model");

    private static List<Bar> bars;
    private static Dataset data;
    private static ModelTrainer.Trained trained;

    @TempDir
    Path root;

    @BeforeAll
    static void train() {
        bars = EthUsdBars.load();
        data = DatasetBuilder.build(bars, SET, new ForwardReturnLabel(6));
        trained = new ModelTrainer(Clock.fixed(TRAINED_AT, ZoneOffset.UTC))
                .train("gbm-direction", "2023-03-16", "model", data, Duration.ofMinutes(5), Algorithm.GBT, new WalkForward(3, 200, 400, 6), 7);
    }

    @Test
    void aRegisteredModelLoadsByNameAndVersionWithItsMetadataAndPredictsTheSame() throws Exception {
        ModelRegistry registry = new ModelRegistry(root);
        registry.register(trained.metadata(), trained.model());

        RegisteredModel loaded = registry.load("gbm-direction", "2023-03-16");

        ModelMetadata m = loaded.metadata();
        assertThat(m.features()).isEqualTo(SET.columns());
        assertThat(m.algorithm()).isEqualTo("gbt");
        assertThat(m.dataSha256()).isEqualTo(DatasetBuilder.sha256(bars));
        assertThat(m.seed()).isEqualTo(7);
        assertThat(m.trainedAt()).isEqualTo(TRAINED_AT);
        assertThat(m.trainingSamples()).isEqualTo(400);
        assertThat(m.walkForward().samples()).isPositive();
        assertThat(m.modelSha256()).hasSize(64);
        assertThat(Files.readString(root.resolve("gbm-direction/2023-03-16/metadata.json"))).contains("\"dataSha256\"");
        for (int i = 0; i < data.size(); i += 37) {
            assertThat(loaded.model().probabilityUp(data.x()[i])).isEqualTo(trained.model().probabilityUp(data.x()[i]));
        }
        assertThat(registry.versions("gbm-direction")).containsExactly("2023-03-16");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Algorithm.class)
    void everyAlgorithmSurvivesTheRegistryRoundTrip(Algorithm algorithm) throws Exception {
        ModelTrainer.Trained model = new ModelTrainer(Clock.fixed(TRAINED_AT, ZoneOffset.UTC))
                .train("round-trip", algorithm.id(), "model", data, Duration.ofMinutes(5), algorithm, new WalkForward(2, 200, 300, 6), 3);
        ModelRegistry registry = new ModelRegistry(root);
        registry.register(model.metadata(), model.model());

        RegisteredModel loaded = registry.load("round-trip", algorithm.id());

        assertThat(loaded.metadata().algorithm()).isEqualTo(algorithm.id());
        for (int i = 0; i < data.size(); i += 50) {
            assertThat(loaded.model().probabilityUp(data.x()[i])).isEqualTo(model.model().probabilityUp(data.x()[i]));
        }
    }

    @Test
    void inferenceOnTheLiveFeatureStreamBecomesAPredictionFactCarryingTheModelVersion() throws Exception {
        ModelRegistry registry = new ModelRegistry(root);
        registry.register(trained.metadata(), trained.model());
        RegisteredModel model = registry.load("gbm-direction", "2023-03-16");
        StreamingFeatures stream = new StreamingFeatures("ETH-USD", Duration.ofMinutes(5), SET);
        FeatureUpdate last = null;
        for (Bar bar : bars) {
            last = stream.accept(bar);
        }

        ModelPrediction prediction = model.predict(last);
        Prediction fact = prediction.toFact();

        assertThat(fact.model()).isEqualTo("gbm-direction");
        assertThat(fact.modelVersion()).isEqualTo("2023-03-16");
        assertThat(fact.time()).isEqualTo(Instant.parse("2023-03-15T18:20:00Z"));
        assertThat(fact.probabilityUp()).isBetween(0.0, 1.0);
        assertThat(fact.confidence()).isEqualTo(Math.abs(2 * fact.probabilityUp() - 1));
        assertThat(prediction.expectedReturn()).isEqualTo((2 * fact.probabilityUp() - 1) * model.metadata().meanAbsForwardReturn());
        assertThat(prediction.dataSha256()).isEqualTo(model.metadata().dataSha256());
    }

    @Test
    void aVersionIsNeverOverwrittenAndAChangedArtifactIsRefused() throws Exception {
        ModelRegistry registry = new ModelRegistry(root);
        registry.register(trained.metadata(), trained.model());

        assertThatThrownBy(() -> registry.register(trained.metadata(), trained.model()))
                .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("versions are immutable");

        Path file = root.resolve("gbm-direction/2023-03-16/model.bin");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);
        assertThatThrownBy(() -> registry.load("gbm-direction", "2023-03-16"))
                .hasMessageContaining("refusing to load a changed artifact");
        assertThatThrownBy(() -> registry.load("gbm-direction", "9"))
                .hasMessageContaining("is not registered; versions of gbm-direction: [2023-03-16]");
    }

    @Test
    void aForeignSerializedObjectIsNotDeserialized() throws Exception {
        ModelRegistry registry = new ModelRegistry(root);
        ModelMetadata stored = registry.register(trained.metadata(), trained.model());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream stream = new ObjectOutputStream(out)) {
            stream.writeObject(URI.create("http://example.org").toURL());
        }
        Path dir = root.resolve("gbm-direction/2023-03-16");
        Files.write(dir.resolve("model.bin"), out.toByteArray());
        String json = Files.readString(dir.resolve("metadata.json")).replace(stored.modelSha256(), ModelRegistry.sha256(out.toByteArray()));
        Files.writeString(dir.resolve("metadata.json"), json);

        assertThatThrownBy(() -> registry.load("gbm-direction", "2023-03-16")).hasMessageContaining("is not an Arbiter model");
    }

    @Test
    void healthIsOkOnTrainingLikeInputsDriftedWhenAFeatureMovesAndStaleWhenOld() {
        ModelMetadata m = trained.metadata();
        // Every other sample of the training window: the training distribution itself.
        List<double[]> recent = new ArrayList<>();
        for (int i = data.size() - 400; i < data.size(); i += 2) {
            recent.add(data.x()[i]);
        }
        List<double[]> shifted = recent.stream().map(x -> {
            double[] y = x.clone();
            y[0] = Math.min(100, y[0] + 25); // rsi_14 pushed up by 25 points
            return y;
        }).toList();
        Instant soon = TRAINED_AT.plus(Duration.ofDays(1));

        ModelMonitor.Verdict ok = ModelMonitor.DEFAULTS.check(m, recent, new int[0], new double[0], soon);
        ModelMonitor.Verdict drifted = ModelMonitor.DEFAULTS.check(m, shifted, new int[0], new double[0], soon);
        ModelMonitor.Verdict stale = ModelMonitor.DEFAULTS.check(m, recent, new int[0], new double[0], TRAINED_AT.plus(Duration.ofDays(91)));

        assertThat(ok.status()).isEqualTo(ModelHealthStatus.OK);
        assertThat(ok.maxPsi()).isLessThan(0.25);
        assertThat(drifted.status()).isEqualTo(ModelHealthStatus.DRIFTED);
        assertThat(drifted.worstFeature()).isEqualTo("rsi_14");
        assertThat(drifted.fact().drifted()).isTrue();
        assertThat(drifted.fact().evidence()).startsWith("DRIFTED: ").contains("(rsi_14, drifted at >= 0.25)");
        assertThat(stale.status()).isEqualTo(ModelHealthStatus.STALE);
        assertThat(stale.fact().stale()).isTrue();
        ModelMonitor.Verdict fromTheFuture = ModelMonitor.DEFAULTS.check(m, recent, new int[0], new double[0],
                Instant.parse("2023-03-15T12:00:00Z"));
        assertThat(fromTheFuture.status()).isEqualTo(ModelHealthStatus.STALE);
        assertThat(fromTheFuture.fact().evidence()).contains("(after the decision time, stale after 90 days)");
    }

    @Test
    void poorRecentAccuracyIsDrift() {
        ModelMetadata m = trained.metadata();
        List<double[]> recent = new ArrayList<>();
        int[] outcomes = new int[150];
        double[] probabilities = new double[150];
        for (int i = 0; i < 150; i++) {
            recent.add(data.x()[data.size() - 150 + i]);
            outcomes[i] = i % 2;
            probabilities[i] = i % 2 == 0 ? 0.9 : 0.1; // every call wrong
        }

        ModelMonitor.Verdict verdict = ModelMonitor.DEFAULTS.check(m, recent, outcomes, probabilities, TRAINED_AT);

        assertThat(verdict.status()).isEqualTo(ModelHealthStatus.DRIFTED);
        assertThat(verdict.rollingAccuracy()).isZero();
    }
}
