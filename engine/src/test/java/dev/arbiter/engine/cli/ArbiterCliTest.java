package dev.arbiter.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.engine.decision.ExampleRequests;
import dev.arbiter.engine.json.ArbiterJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ArbiterCliTest {

    @Test
    void decidePrintsTheDecisionJson() {
        Output out = capture(() -> ArbiterCli.execute("decide", "--request", ExampleRequests.EXAMPLE.toString()));

        assertThat(out.exitCode).isZero();
        JsonNode decision = ArbiterJson.mapper().readTree(out.stdout);
        assertThat(decision.path("status").asString()).isEqualTo("APPROVED");
        assertThat(decision.path("decisionId").asString()).startsWith("dec-");
        assertThat(decision.path("orders")).hasSize(2);
    }

    @Test
    void decideWithABadRequestExitsTwoNamingTheField(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, new String(ExampleRequests.exampleBytes(), StandardCharsets.UTF_8)
                .replaceFirst("\"equity\": 100000", "\"equity\": -1"));

        Output out = capture(() -> ArbiterCli.execute("decide", "--request", bad.toString()));

        assertThat(out.exitCode).isEqualTo(2);
        assertThat(out.stderr).contains("account.equity: -1 is not accepted; expected a number >= 0");
    }

    @Test
    void unknownCommandAndMissingArgumentsPrintUsageAndFail() {
        Output unknown = capture(() -> ArbiterCli.execute("frobnicate"));
        Output missing = capture(() -> ArbiterCli.execute("decide"));
        Output none = capture(() -> ArbiterCli.execute());

        assertThat(unknown.exitCode).isEqualTo(2);
        assertThat(unknown.stderr).contains("Unmatched argument").contains("Usage: arbiter");
        assertThat(missing.exitCode).isEqualTo(2);
        assertThat(missing.stderr).contains("Missing required option: '--request=FILE'");
        assertThat(none.exitCode).isEqualTo(2);
        assertThat(none.stderr).contains("Missing command").contains("serve").contains("decide");
    }

    @Test
    void serveRefusesAPortOutOfRange() {
        Output zero = capture(() -> ArbiterCli.execute("serve", "--port", "0"));
        Output text = capture(() -> ArbiterCli.execute("serve", "--port", "http"));

        assertThat(zero.exitCode).isEqualTo(2);
        assertThat(zero.stderr).contains("--port: 0 is not accepted; expected 1-65535");
        assertThat(text.exitCode).isEqualTo(2);
        assertThat(text.stderr).contains("'http' is not an int");
    }

    @Test
    void missingRequestFileIsABadArgument() {
        Output out = capture(() -> ArbiterCli.execute("decide", "--request", "no/such/file.json"));

        assertThat(out.exitCode).isEqualTo(2);
        assertThat(out.stderr).contains("no/such/file.json does not exist");
    }

    private record Output(int exitCode, String stdout, String stderr) {
    }

    private static Output capture(java.util.function.IntSupplier command) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = command.getAsInt();
            return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
