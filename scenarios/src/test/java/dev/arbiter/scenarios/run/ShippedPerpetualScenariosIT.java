package dev.arbiter.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.engine.cli.ArbiterCli;
import dev.arbiter.scenarios.data.DataRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped multi-year perpetual run from the command line: every expectation holds, and the report carries the
 * perpetuals' funding, liquidations and closest approach to liquidation. Skipped without the shared market data.
 */
class ShippedPerpetualScenariosIT {

    @TempDir
    Path out;

    @Test
    void multiYearPerpetualRunIsGreenAndReportsFunding() throws IOException {
        Assumptions.assumeTrue(DataRoot.find().isPresent(), "shared market data not found: set ARBITER_DATA_DIR to the "
                + "folder holding roshan7869-algotrading/futures (the repository's ../shared/data)");
        int exit = ArbiterCli.execute("scenario", "run", "shipped/perp-multi-year-2020-2024.yaml", "--out", out.toString());

        String summary = Files.readString(out.resolve("summary.json"));
        assertThat(exit).as(summary).isZero();
        assertThat(summary).contains("\"perpetuals\"", "\"fundingPaid\"", "\"liquidations\" : 0");
        assertThat(Files.readString(out.resolve("report.html"))).contains("<h2>Perpetuals</h2>", "Funding paid");
    }
}
