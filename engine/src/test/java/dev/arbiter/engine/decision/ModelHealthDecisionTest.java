package dev.arbiter.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.engine.json.DecisionRequestReader;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.ModelHealth;
import dev.arbiter.mlbridge.features.FeatureSets;
import dev.arbiter.mlbridge.marketdata.Ta4jJsonBars;
import dev.arbiter.mlbridge.model.Algorithm;
import dev.arbiter.mlbridge.model.Dataset;
import dev.arbiter.mlbridge.model.DatasetBuilder;
import dev.arbiter.mlbridge.model.ForwardReturnLabel;
import dev.arbiter.mlbridge.model.ModelHealthStatus;
import dev.arbiter.mlbridge.model.ModelMonitor;
import dev.arbiter.mlbridge.model.ModelTrainer;
import dev.arbiter.mlbridge.model.WalkForward;
import dev.arbiter.rules.session.Firing;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The model-health fact from drift monitoring reaches the L5 rule: the example's prediction comes from
 * gbm-direction 2023-03-01; a model of that name and version, trained on the real ETH-USD bars before
 * the decision time, is
 * checked against inputs whose RSI moved 25 points, and the DRIFTED verdict rejects the proposals that
 * lean on its prediction. Model health is the engine's to supply, never a client's: the verdict goes into the
 * {@link RiskContext} of the request the engine completed, beside the rest of the engine's context.
 */
class ModelHealthDecisionTest {

    @Test
    void aDriftedVerdictFromTheMonitorRejectsProposalsUsingThatModelsPrediction() throws Exception {
        List<Bar> bars;
        try (InputStream in = getClass().getResourceAsStream("/ETH-USD-PT5M-2023-3-13_2023-3-15.json")) {
            bars = Ta4jJsonBars.read(in, "ETH-USD", Duration.ofMinutes(5));
        }
        Instant asOf = Instant.parse("2023-03-15T13:35:30Z");
        List<Bar> beforeDecision = bars.stream().filter(b -> !b.endTime().isAfter(asOf)).toList();
        Dataset data = DatasetBuilder.build(beforeDecision, FeatureSets.builtIn().get("model"), new ForwardReturnLabel(6));
        Instant trainedAt = Instant.parse("2023-03-01T00:00:00Z");
        ModelTrainer.Trained trained = new ModelTrainer(Clock.fixed(trainedAt, ZoneOffset.UTC)).train("gbm-direction", "2023-03-01",
                "model", data, Duration.ofMinutes(5), Algorithm.LOGIT, new WalkForward(2, 200, 400, 6), 1);
        List<double[]> shifted = new ArrayList<>();
        for (int i = data.size() - 200; i < data.size(); i++) {
            double[] x = data.x()[i].clone();
            x[0] = Math.min(100, x[0] + 25);
            shifted.add(x);
        }
        ModelMonitor.Verdict verdict = ModelMonitor.DEFAULTS.check(trained.metadata(), shifted, new int[0], new double[0], asOf);
        assertThat(verdict.status()).isEqualTo(ModelHealthStatus.DRIFTED);

        DecisionRequest example = ExampleRequests.example();
        RiskContext engines = example.context();
        RiskContext context = new RiskContext(engines.tradingControls(), engines.restrictions(), List.of(verdict.fact()),
                engines.regimes(), engines.anomalies(), engines.activity(), engines.lossHistory(), engines.margin(),
                engines.killSwitch(), engines.marginModes());
        DecisionRequest request = new DecisionRequest(example.requestId(), example.asOf(), example.account(), example.positions(),
                example.openOrders(), example.instruments(), example.marketData(), example.predictions(), example.models(),
                example.intents(), context, example.market(), example.state());

        DecisionResult result;
        try (DecisionPipeline pipeline = DecisionPipeline.withShippedDefaults()) {
            result = pipeline.decide("dec-drift", request);
        }

        List<Firing> unhealthy = result.trace().firings().stream().filter(f -> f.reasonCode().equals("L5-MODEL-UNHEALTHY")).toList();
        assertThat(unhealthy).isNotEmpty();
        assertThat(unhealthy.get(0).matchedOf(ModelHealth.class)).anyMatch(m -> m.model().equals("gbm-direction")
                && m.modelVersion().equals("2023-03-01") && m.drifted() && m.evidence().contains("(rsi_14, drifted at >= 0.25)"));
        // the intents acted on the drifted model's prediction (they name it in models): both are refused; the
        // momentum strategy's proposal matched no prediction, so the model layer leaves it alone
        assertThat(result.decision().proposals()).extracting(ProposalVerdict::proposalId)
                .containsExactlyInAnyOrder("i-1", "i-2", "S-MOMENTUM:ETH-USD");
        assertThat(result.decision().proposals()).filteredOn(p -> p.proposalId().startsWith("i-")).allSatisfy(p -> {
            assertThat(p.status()).isEqualTo("REJECTED");
            assertThat(p.reasonCodes()).contains("L5-MODEL-UNHEALTHY");
        });
        assertThat(result.decision().orders()).extracting(Order::proposalId).containsExactly("S-MOMENTUM:ETH-USD");
        assertThat(result.trace().outcomes()).filteredOn(o -> o.reason().code().equals("L5-MODEL-UNHEALTHY"))
                .hasSize(2).allSatisfy(o -> assertThat(o.reason().message())
                        .startsWith("model gbm-direction 2023-03-01 is drifted ("));
    }

    @Test
    void aClientSendingModelHealthIsRefusedSayingTheEngineMonitorsItsModels() {
        String sent = new String(ExampleRequests.exampleBytes(), StandardCharsets.UTF_8).replace(
                "\"intents\": [", "\"context\": {\"modelHealth\": [{\"model\": \"gbm-direction\", \"modelVersion\":"
                        + " \"2023-03-01\", \"drifted\": false, \"stale\": false, \"evidence\": \"fine\"}]},\n  \"intents\": [");

        assertThatThrownBy(() -> DecisionRequestReader.readClient(
                        sent.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("context.modelHealth");
                    assertThat(e.accepted()).contains("the engine monitors the models it runs");
                });
    }
}
