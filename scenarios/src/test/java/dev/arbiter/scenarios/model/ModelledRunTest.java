package dev.arbiter.scenarios.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.mlbridge.model.Dataset;
import dev.arbiter.mlbridge.model.ModelMetadata;
import dev.arbiter.mlbridge.model.ModelPrediction;
import dev.arbiter.scenarios.data.ScenarioData;
import dev.arbiter.scenarios.report.ReportWriter;
import dev.arbiter.scenarios.report.ScenarioReport;
import dev.arbiter.scenarios.spec.InvalidScenarioException;
import dev.arbiter.scenarios.spec.ScenarioFiles;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny logit model on real ETH-USD 5-minute bars, trained before the tested range and used in every decision. */
class ModelledRunTest {

    private static final Instant FROM = Instant.parse("2023-03-14T06:00:00Z");

    private static final String SCENARIO = """
            name: eth-with-model
            market:
              - {symbol: ETH-USD, file: "classpath:ETH-USD-PT5M-2023-3-13_2023-3-15.json", format: ta4j-json, period: PT5M,
                 lotSize: 0.01, tickSize: 0.01}
            from: "2023-03-14T06:00:00Z"
            to: "2023-03-14T07:00:00Z"
            windowBars: 60
            model: {algorithm: logit, horizon: 6, trainBars: 120, seed: 7}
            """;

    @TempDir
    Path dir;

    @Test
    void everyDecisionCarriesThePredictionOfTheModelTrainedBeforeTheRange() throws IOException {
        ScenarioSpec spec = ScenarioFiles.parse(SCENARIO, Path.of("."));
        Map<String, List<Bar>> bars = ScenarioData.load(spec, Optional.empty());
        List<DecisionResult> decisions = new ArrayList<>();

        ModelledRun modelled = ModelledRun.of(spec, bars, dir.resolve("models"), (step, request, result) -> decisions.add(result));

        assertEquals(12, decisions.size(), "one decision per 5-minute bar of the hour");
        for (DecisionResult decision : decisions) {
            assertEquals(1, decision.trace().request().models().size(), "the request names the model");
            List<ModelPrediction> predictions = decision.trace().modelPredictions();
            assertEquals(1, predictions.size(), "the model predicted in " + decision.trace().decisionId());
            ModelPrediction p = predictions.get(0);
            assertEquals("scenario-eth-usd", p.model());
            assertEquals("run", p.modelVersion());
            assertTrue(p.probabilityUp() >= 0 && p.probabilityUp() <= 1, "a probability: " + p.probabilityUp());
            assertFalse(p.time().isBefore(FROM), "predicted inside the tested range: " + p.time());
        }
        ModelOutcome outcome = modelled.models().get(0);
        ModelMetadata m = outcome.model().metadata();
        assertEquals("logit", m.algorithm());
        assertTrue(m.trainedTo().plus(m.period().multipliedBy(m.horizon())).compareTo(FROM) <= 0,
                "the last training label (" + m.trainedTo() + " + " + m.horizon() + " bars) ends before the range");
        assertEquals(12 - 6, outcome.outOfSample().samples(),
                "predictions scored against the close 6 bars later, where that close is inside the range");
        assertTrue(outcome.outOfSample().accuracy() >= 0 && outcome.outOfSample().accuracy() <= 1);

        ReportWriter.write(ScenarioReport.of(spec, modelled.run()), modelled.run(), modelled.models(), dir.resolve("report"));
        String models = Files.readString(dir.resolve("report").resolve("models.md"));
        assertTrue(models.contains("| ETH-USD | scenario-eth-usd@run | logit | 6 | " + m.trainedFrom() + " .. " + m.trainedTo()),
                models);
        assertTrue(Files.readString(dir.resolve("report").resolve("report.html")).contains("<h2>Models</h2>"));
        assertTrue(Files.readString(dir.resolve("report").resolve("summary.json")).contains(m.dataSha256()));
    }

    @Test
    void noTrainingSampleNorItsLabelReachesTheTestedRange() {
        ScenarioSpec spec = ScenarioFiles.parse(SCENARIO, Path.of("."));
        List<Bar> bars = ScenarioData.load(spec, Optional.empty()).get("ETH-USD");

        Dataset samples = WindowModelTrainer.samples(spec.model(), bars, null, FROM);

        assertTrue(samples.size() > 50, "enough samples: " + samples.size());
        assertTrue(samples.size() <= 120, "at most trainBars samples: " + samples.size());
        Instant lastLabelClose = samples.time()[samples.size() - 1].plus(bars.get(0).period().multipliedBy(6));
        assertTrue(lastLabelClose.compareTo(FROM) <= 0, "the last label closes at " + lastLabelClose + ", not after " + FROM);
    }

    @Test
    void searchWindowSamplesStartAtTheWindowAndEndBeforeTheTest() {
        ScenarioSpec spec = ScenarioFiles.parse(SCENARIO, Path.of("."));
        List<Bar> bars = ScenarioData.load(spec, Optional.empty()).get("ETH-USD");
        Instant trainFrom = Instant.parse("2023-03-14T04:00:00Z");

        Dataset samples = WindowModelTrainer.samples(spec.model(), bars, trainFrom, FROM);

        assertEquals(24 - 6, samples.size(), "24 bars in the window, the last 6 without a label inside it");
        assertEquals(trainFrom.plus(bars.get(0).period()), samples.time()[0], "the first sample is the window's first bar");
    }

    @Test
    void refusesAModelWithTooShortARequestWindowNamingTheField() {
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> ScenarioFiles.parse(
                SCENARIO.replace("windowBars: 60", "windowBars: 30"), Path.of(".")));

        assertEquals("windowBars", e.field());
        assertTrue(e.getMessage().contains("at least 50"), e.getMessage());
    }

    @Test
    void refusesAnUnknownAlgorithmNamingTheAcceptedOnes() {
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> ScenarioFiles.parse(
                SCENARIO.replace("algorithm: logit", "algorithm: svm"), Path.of(".")));

        assertEquals("model.algorithm", e.field());
        assertTrue(e.getMessage().contains("[logit, gbt, rf]"), e.getMessage());
    }
}
