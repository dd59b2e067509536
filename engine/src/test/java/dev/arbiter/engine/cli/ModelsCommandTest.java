package dev.arbiter.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.engine.decision.ExampleRequests;
import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.mlbridge.marketdata.Ta4jJsonBars;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code arbiter models evaluate|train|predict} on the real ETH-USD 5-minute bars written as CSV. */
class ModelsCommandTest {

    @TempDir
    Path dir;

    private Path csv;

    @BeforeEach
    void writeBars() throws Exception {
        List<Bar> bars;
        try (InputStream in = getClass().getResourceAsStream("/ETH-USD-PT5M-2023-3-13_2023-3-15.json")) {
            bars = Ta4jJsonBars.read(in, "ETH-USD", Duration.ofMinutes(5));
        }
        StringBuilder text = new StringBuilder("time,open,high,low,close,volume\n");
        for (Bar b : bars) {
            text.append(b.openTime()).append(',').append(b.open()).append(',').append(b.high()).append(',').append(b.low())
                    .append(',').append(b.close()).append(',').append(b.volume()).append('\n');
        }
        csv = Files.writeString(dir.resolve("eth.csv"), text);
    }

    @Test
    void evaluatePrintsTheWalkForwardTableWithTheBaselines() {
        CliOutput out = CliOutput.of(() -> ArbiterCli.execute("models", "evaluate", "--bars", csv.toString(), "--symbol", "ETH-USD",
                "--min-train", "200", "--max-train", "400", "--folds", "3", "--embargo", "6", "--horizon", "6"));

        assertThat(out.exitCode()).as(out.stderr()).isZero();
        assertThat(out.stdout()).contains("| gbt |", "| rf |", "| logit |", "| majority |", "| previous-return-sign |")
                .contains("purged of labels reaching the window, embargo 6 bars; seed 42");
    }

    @Test
    void trainRegistersAVersionAndPredictUsesItWithItsHealth() {
        Path registry = dir.resolve("models");
        CliOutput train = CliOutput.of(() -> ArbiterCli.execute("models", "train", "--bars", csv.toString(), "--symbol", "ETH-USD",
                "--registry", registry.toString(), "--name", "gbm-direction", "--version", "1", "--min-train", "200",
                "--max-train", "400", "--folds", "2", "--embargo", "6", "--horizon", "6"));
        CliOutput again = CliOutput.of(() -> ArbiterCli.execute("models", "train", "--bars", csv.toString(), "--symbol", "ETH-USD",
                "--registry", registry.toString(), "--name", "gbm-direction", "--version", "1", "--min-train", "200",
                "--max-train", "400", "--folds", "2", "--embargo", "6", "--horizon", "6"));
        CliOutput predict = CliOutput.of(() -> ArbiterCli.execute("models", "predict", "--registry", registry.toString(),
                "--name", "gbm-direction", "--version", "1", "--bars", csv.toString(), "--recent", "200"));

        assertThat(train.exitCode()).as(train.stderr()).isZero();
        assertThat(ArbiterJson.mapper().readTree(train.stdout()).path("model").asString()).isEqualTo("gbm-direction@1");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.stderr()).contains("already registered; versions are immutable");
        assertThat(predict.exitCode()).as(predict.stderr()).isZero();
        JsonNode result = ArbiterJson.mapper().readTree(predict.stdout());
        assertThat(result.path("prediction").path("model").asString()).isEqualTo("gbm-direction");
        assertThat(result.path("prediction").path("time").asString()).isEqualTo("2023-03-15T18:20:00Z");
        assertThat(result.path("modelHealth").path("evidence").asString()).containsPattern("^(OK|DRIFTED|STALE): training data ends 2023-03-15T17:50:00Z");
    }

    @Test
    void decideRunsAModelTheRequestNamesFromTheRegistryGivenWithModels() throws Exception {
        Path registry = dir.resolve("models");
        CliOutput train = CliOutput.of(() -> ArbiterCli.execute("models", "train", "--bars", csv.toString(), "--symbol", "ETH-USD",
                "--to", "2023-03-15T13:30:00Z", "--registry", registry.toString(), "--name", "logit-eth-5m", "--version", "1",
                "--algorithm", "logit", "--min-train", "200", "--max-train", "400", "--folds", "2", "--embargo", "6",
                "--horizon", "6"));
        Path request = Files.writeString(dir.resolve("request.json"), new String(ExampleRequests.exampleBytes(), StandardCharsets.UTF_8)
                .replace("\"intents\": [", "\"models\": [{\"symbol\": \"ETH-USD\", \"model\": \"logit-eth-5m\", \"version\": \"1\"}],\n  \"intents\": ["));

        String account = ExampleRequests.EXAMPLES.resolve("account.json").toString();
        String bars = ExampleRequests.EXAMPLES.resolve("bars.json").toString();
        String fills = ExampleRequests.EXAMPLES.resolve("fills.json").toString();
        CliOutput decide = CliOutput.of(() -> ArbiterCli.execute("decide", "--request", request.toString(), "--account",
                account, "--bars", bars, "--fills", fills, "--models", registry.toString(), "--trace"));
        CliOutput elsewhere = CliOutput.of(() -> ArbiterCli.execute("decide", "--request", request.toString(), "--account",
                account, "--bars", bars, "--fills", fills, "--models", dir.resolve("empty").toString()));

        assertThat(train.exitCode()).as(train.stderr()).isZero();
        assertThat(decide.exitCode()).as(decide.stderr()).isZero();
        JsonNode prediction = ArbiterJson.mapper().readTree(decide.stdout()).path("trace").path("modelPredictions").path(0);
        assertThat(prediction.path("model").asString()).isEqualTo("logit-eth-5m");
        assertThat(prediction.path("modelVersion").asString()).isEqualTo("1");
        assertThat(prediction.path("time").asString()).isEqualTo("2023-03-15T13:35:00Z");
        assertThat(prediction.path("dataSha256").asString())
                .isEqualTo(ArbiterJson.mapper().readTree(train.stdout()).path("dataSha256").asString());
        assertThat(elsewhere.exitCode()).isEqualTo(2);
        assertThat(elsewhere.stderr()).contains("models[0].model: 'logit-eth-5m' is not accepted; expected the name of a model in the"
                + " engine's model registry (none is registered under this name)");
    }
}
