package dev.arbiter.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.engine.json.ArbiterJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code arbiter allocate --problem FILE} on the documented example and on bad input. */
class AllocateCommandTest {

    /** The example {@code docs/allocation.md} points to. */
    static final Path EXAMPLE = Path.of("..", "docs", "examples", "allocation-problem.json");

    @Test
    void allocatesTheDocumentedExample() {
        CliOutput out = CliOutput.of(() -> ArbiterCli.execute("allocate", "--problem", EXAMPLE.toString()));

        assertThat(out.exitCode()).as(out.stderr()).isZero();
        JsonNode allocation = ArbiterJson.mapper().readTree(out.stdout()).path("allocation");
        assertThat(allocation.path("feasible").asBoolean()).isTrue();
        assertThat(allocation.path("score").asString()).isEqualTo("0hard/1083900soft");
        JsonNode btc = allocation.path("orders").path(0);
        JsonNode eth = allocation.path("orders").path(1);
        assertThat(btc.path("proposalId").asString()).isEqualTo("p-btc");
        assertThat(btc.path("quantity").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(btc.path("boundBy").path(0).asString()).isEqualTo("held at 0.25: one more lot of 0.01 would take "
                + "cluster L1-majors exposure to 30600.00, above its cap 30000.00 (30% of equity)");
        assertThat(eth.path("proposalId").asString()).isEqualTo("p-eth");
        assertThat(eth.path("quantity").decimalValue()).isEqualByComparingTo("0");
        assertThat(eth.path("boundBy").path(0).asString()).isEqualTo("not traded: one lot of 0.1 would take "
                + "cluster L1-majors exposure to 30300.00, above its cap 30000.00 (30% of equity)");
        assertThat(allocation.path("note").asString()).isEqualTo("traded 1 of 2 candidates: new orders worth "
                + "15000.00 bring gross exposure to 30000.00 of the limit 50000.00");
        assertThat(allocation.path("justifications").valueStream().map(JsonNode::asString).toList())
                .contains("Expected return: 0hard/1350000soft over 1 matches",
                        "  p-btc: order value 15000.00 at expected return 0.009 adds 135.00",
                        "  p-btc: fees and slippage at 0.0015 of order value 15000.00 cost 22.50");
    }

    @Test
    void negativeEquityExitsTwoNamingTheFieldTheValueAndWhatIsAccepted(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("negative-equity.json");
        String example = Files.readString(EXAMPLE);
        assertThat(example).contains("\"equity\": 100000");
        Files.writeString(bad, example.replace("\"equity\": 100000", "\"equity\": -5"));

        CliOutput out = CliOutput.of(() -> ArbiterCli.execute("allocate", "--problem", bad.toString()));

        assertThat(out.exitCode()).isEqualTo(2);
        assertThat(out.stdout()).isEmpty();
        assertThat(out.stderr()).contains("account.equity: -5 is not accepted; expected a number >= 0");
    }

    @Test
    void missingProblemFileExitsTwo() {
        CliOutput out = CliOutput.of(() -> ArbiterCli.execute("allocate", "--problem", "no/such/problem.json"));

        assertThat(out.exitCode()).isEqualTo(2);
        assertThat(out.stdout()).isEmpty();
        assertThat(out.stderr()).contains("--problem: no/such/problem.json does not exist");
    }
}
