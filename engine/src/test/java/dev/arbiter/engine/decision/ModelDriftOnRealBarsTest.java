package dev.arbiter.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.kb.fact.OrderIntent;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.mlbridge.features.FeatureSets;
import dev.arbiter.mlbridge.marketdata.BarsReader;
import dev.arbiter.mlbridge.marketdata.SharedData;
import dev.arbiter.mlbridge.model.Algorithm;
import dev.arbiter.mlbridge.model.DatasetBuilder;
import dev.arbiter.mlbridge.model.ForwardReturnLabel;
import dev.arbiter.mlbridge.model.ModelPrediction;
import dev.arbiter.mlbridge.model.ModelRegistry;
import dev.arbiter.mlbridge.model.ModelTrainer;
import dev.arbiter.mlbridge.model.WalkForward;
import dev.arbiter.rules.pack.InstrumentSet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift on real bars, measured by the engine itself: a logistic model trained on Binance's BTC/USDT hourly bars of
 * 2019 and 2020, asked about the June 2022 crash. The engine scores the model's inputs against its training window
 * (PSI) and its predictions against the outcomes the bars already resolved, finds it drifted (and, trained 18
 * months before, stale), and the model rule refuses the intent that acted on it. Reads the shared market data in
 * place; skipped, saying so, where it is absent.
 */
class ModelDriftOnRealBarsTest {

    private static final String FILE = "roshan7869-algotrading/spot_1h/BTC_USDT-1h.csv";
    private static final String MODEL = "logit-btc-1h";

    @Test
    void aModelOf2019And2020DriftsOnThe2022CrashAndTheModelRuleRefusesWhatActsOnIt(@TempDir Path registryRoot)
            throws Exception {
        Optional<Path> file = SharedData.file(FILE);
        Assumptions.assumeTrue(file.isPresent(), "the shared market data (" + FILE + ") is not on this machine");
        List<Bar> bars = BarsReader.read(file.get(), BarsReader.Options.forSymbol("BTC-USD")).bars();
        Instant trainedTo = Instant.parse("2021-01-01T00:00:00Z");
        List<Bar> training = bars.stream().filter(b -> !b.openTime().isBefore(Instant.parse("2019-01-01T00:00:00Z"))
                && b.endTime().isBefore(trainedTo)).toList();
        ModelRegistry registry = new ModelRegistry(registryRoot);
        ModelTrainer.Trained trained = new ModelTrainer(Clock.fixed(trainedTo, ZoneOffset.UTC)).train(MODEL, "2020",
                "model", DatasetBuilder.build(training, FeatureSets.builtIn().get("model"), new ForwardReturnLabel(6)),
                Duration.ofHours(1), Algorithm.LOGIT, new WalkForward(2, 2_000, 4_000, 6), 7);
        registry.register(trained.metadata(), trained.model());

        // the 300 hours up to the crash of 2022-06-18
        Instant lastBarEnd = Instant.parse("2022-06-18T12:00:00Z");
        List<Bar> recent = bars.stream().filter(b -> !b.endTime().isAfter(lastBarEnd)).toList();
        recent = recent.subList(recent.size() - 300, recent.size());
        BigDecimal close = recent.getLast().close();
        Instrument btc = InstrumentSet.shippedDefault().find("BTC-USD").orElseThrow();
        BigDecimal price = close.setScale(Math.max(0, btc.tickSize().stripTrailingZeros().scale()), RoundingMode.DOWN);
        OrderIntent intent = new OrderIntent("i-btc", "acct-1", "BTC-USD", Side.BUY, new BigDecimal("0.01"), price,
                price.multiply(new BigDecimal("0.95")).setScale(price.scale(), RoundingMode.DOWN), "client-ml", 0.6,
                List.of(MODEL));
        DecisionRequest example = ExampleRequests.example();
        DecisionRequest request = new DecisionRequest("drift-2022", lastBarEnd.plusSeconds(30), example.account(),
                List.of(), List.of(), List.of(btc),
                List.of(new MarketSeries("BTC-USD", Duration.ofHours(1), recent.stream().map(b -> new MarketSeries.Row(
                        b.openTime(), b.open(), b.high(), b.low(), b.close(), b.volume())).toList())),
                List.of(), List.of(new RequestedModel("BTC-USD", MODEL, "2020")), List.of(intent), example.context(),
                List.of(), example.state(), List.of());

        DecisionResult result;
        try (DecisionPipeline pipeline = DecisionPipeline.withShippedDefaults(registry)) {
            result = pipeline.decide("dec-drift-2022", request);
        }

        ModelPrediction prediction = result.trace().modelPredictions().getFirst();
        assertThat(prediction.health()).isNotNull();
        assertThat(prediction.health().drifted()).as(prediction.health().evidence()).isTrue();
        assertThat(prediction.health().stale()).isTrue();
        assertThat(prediction.health().evidence()).startsWith("STALE and DRIFTED: ").contains("max PSI")
                .contains("outcomes");
        assertThat(result.trace().outcomes()).filteredOn(o -> o.reason().code().equals("L5-MODEL-UNHEALTHY"))
                .singleElement().satisfies(o -> {
                    assertThat(o.proposalId()).isEqualTo("i-btc");
                    assertThat(o.reason().message()).startsWith("model " + MODEL + " 2020 is drifted and stale (");
                });
        assertThat(result.decision().orders()).isEmpty();
    }
}
