package dev.arbiter.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.engine.decision.ExampleRequests;
import dev.arbiter.engine.json.ArbiterJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ArbiterCliTest {

    @Test
    void decidePrintsTheDecisionJson() {
        CliOutput out = CliOutput.of(() -> ArbiterCli.execute("decide", "--request", ExampleRequests.EXAMPLE.toString()));

        assertThat(out.exitCode()).isZero();
        JsonNode decision = ArbiterJson.mapper().readTree(out.stdout());
        assertThat(decision.path("status").asString()).isEqualTo("APPROVED");
        assertThat(decision.path("decisionId").asString()).startsWith("dec-");
        assertThat(decision.path("orders")).hasSize(2);
    }

    @Test
    void decideWithABadRequestExitsTwoNamingTheField(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, new String(ExampleRequests.exampleBytes(), StandardCharsets.UTF_8)
                .replaceFirst("\"equity\": 100000", "\"equity\": -1"));

        CliOutput out = CliOutput.of(() -> ArbiterCli.execute("decide", "--request", bad.toString()));

        assertThat(out.exitCode()).isEqualTo(2);
        assertThat(out.stderr()).contains("account.equity: -1 is not accepted; expected a number >= 0");
    }

    @Test
    void unknownCommandAndMissingArgumentsPrintUsageAndFail() {
        CliOutput unknown = CliOutput.of(() -> ArbiterCli.execute("frobnicate"));
        CliOutput missing = CliOutput.of(() -> ArbiterCli.execute("decide"));
        CliOutput none = CliOutput.of(() -> ArbiterCli.execute());

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("Unmatched argument").contains("Usage: arbiter");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains("Missing required option: '--request=FILE'");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.stderr()).contains("Missing command").contains("serve").contains("decide");
    }

    @Test
    void serveRefusesAPortOutOfRange() {
        CliOutput zero = CliOutput.of(() -> ArbiterCli.execute("serve", "--port", "0"));
        CliOutput text = CliOutput.of(() -> ArbiterCli.execute("serve", "--port", "http"));

        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.stderr()).contains("--port: 0 is not accepted; expected 1-65535");
        assertThat(text.exitCode()).isEqualTo(2);
        assertThat(text.stderr()).contains("'http' is not an int");
    }

    @Test
    void missingRequestFileIsABadArgument() {
        CliOutput out = CliOutput.of(() -> ArbiterCli.execute("decide", "--request", "no/such/file.json"));

        assertThat(out.exitCode()).isEqualTo(2);
        assertThat(out.stderr()).contains("no/such/file.json does not exist");
    }
}
