package dev.arbiter.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.engine.cli.ArbiterCli;
import dev.arbiter.scenarios.data.DataRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped crash-week scenarios on the real market data, from the command line: each must run green
 * (the flash-crash halt fires, nothing opens while halted, drawdown within its bound). Two weeks run in
 * the build; {@code -Darbiter.scenarios.all=true} runs every crash week. Skipped when the shared market
 * data is not on the machine.
 */
class ShippedScenariosIT {

    @TempDir
    Path out;

    static List<String> scenarios() {
        List<String> all = List.of("luna-2022-05", "crash-2020-03-12", "crash-2021-05-19", "ftx-2022-11",
                "usdc-depeg-2023-03", "cascade-2025-10-10");
        return Boolean.getBoolean("arbiter.scenarios.all") ? all : all.subList(0, 2);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void runsGreenFromTheCommandLine(String name) throws IOException {
        Assumptions.assumeTrue(DataRoot.find().isPresent(), "shared market data not found: set ARBITER_DATA_DIR "
                + "to the folder holding roshan7869-algotrading/spot_1h (the repository's ../shared/data)");
        Path file = Path.of("shipped", name + ".yaml");
        assertEquals(0, ArbiterCli.execute("scenario", "run", file.toString(), "--out", out.toString()),
                name + ": every expectation must hold");
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"expectationsHeld\" : true"), summary);
        assertTrue(summary.contains("\"L4-FLASH-CRASH\""), "the flash-crash rule fired in " + name);
    }
}
