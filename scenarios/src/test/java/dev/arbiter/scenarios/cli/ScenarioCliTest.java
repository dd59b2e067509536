package dev.arbiter.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.engine.cli.ArbiterCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./arbiter scenario run} through the engine's command line, found by ServiceLoader. */
class ScenarioCliTest {

    private static final String GENERATED = """
            name: quiet-market
            market:
              - {symbol: SYN, period: PT1H, lotSize: 0.01, tickSize: 0.01,
                 generate: {start: "2024-01-01T00:00:00Z", bars: 90, price: 100, volatility: 0.002, seed: 3}}
            windowBars: 60
            strategies: false
            expect:
              - {check: no-open-while-halted}
              - {check: trades, atLeast: %d}
            """;

    @TempDir
    Path dir;

    @Test
    void writesTheReportAndTheExitCodeSaysWhetherTheExpectationsHeld() throws IOException {
        Path held = dir.resolve("held.yaml");
        Files.writeString(held, GENERATED.formatted(0));
        assertEquals(0, ArbiterCli.execute("scenario", "run", held.toString(), "--out", dir.resolve("a").toString()));
        String html = Files.readString(dir.resolve("a/report.html"));
        assertTrue(html.contains("<svg") && html.contains("all held") && !html.contains("http://cdn"), "offline HTML with SVG charts");
        assertTrue(Files.readString(dir.resolve("a/summary.json")).contains("\"expectationsHeld\" : true"));
        assertTrue(Files.exists(dir.resolve("a/trades.csv")));

        Path failing = dir.resolve("failing.yaml");
        Files.writeString(failing, GENERATED.formatted(1));
        assertEquals(3, ArbiterCli.execute("scenario", "run", failing.toString(), "--out", dir.resolve("b").toString()),
                "no client and no strategy: no trade, so 'trades >= 1' fails");
        assertTrue(Files.readString(dir.resolve("b/report.html")).contains("NOT all held"));
    }

    @Test
    void badInputExitsWithTwoNamingTheField() throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, GENERATED.formatted(0).replace("windowBars: 60", "windowBars: sixty"));
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, ArbiterCli.execute("scenario", "run", bad.toString(), "--out", dir.resolve("c").toString()));
        } finally {
            System.setErr(original);
        }
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("windowBars: 'sixty' is not accepted; expected a number"),
                err.toString(StandardCharsets.UTF_8));
    }
}
