package dev.arbiter.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.scenarios.data.ScenarioData;
import dev.arbiter.scenarios.report.RuleActivity;
import dev.arbiter.scenarios.spec.ScenarioFiles;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-made market: calm hourly bars, one bar that crashes 11 %, then calm again. A client buys every
 * bar. The engine's own anomaly detection sees the crash (a close 5 % or more below the highest close of
 * the 5 bars before it); with the risk layers the flash-crash rule stops every buy while the crash is in
 * force; without them the same buys go through.
 */
class FlashCrashScenarioTest {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final int CRASH_BAR = 70;

    @TempDir
    Path dir;

    @Test
    void theFlashCrashHaltStopsTheDipBuyerAndOnlyWithTheRiskLayers() throws IOException {
        writeBars(dir.resolve("crash.csv"));
        String yaml = """
                name: hand-made-crash
                market: [{symbol: COIN, file: crash.csv, period: PT1H, lotSize: 0.01, tickSize: 0.01}]
                from: "2024-01-03T12:00:00Z"
                windowBars: 60
                strategies: false
                rules: {riskLayers: %s}
                exits: {useStops: false, maxHoldingBars: 1}
                clients: [{name: dip-buyer, everyBars: 1, notional: 500, stopFraction: 0.05}]
                """;
        ScenarioSpec guarded = ScenarioFiles.parse(yaml.formatted("true"), dir);
        RunResult withRisk = Scenarios.run(guarded, ScenarioData.load(guarded, Optional.empty()));
        Instant crash = START.plusSeconds(3600L * CRASH_BAR);
        for (StepRecord step : withRisk.steps()) {
            // The close before the crash stays among the 5 bars before the latest for 4 more bars.
            boolean inForce = !step.time().isBefore(crash) && !step.time().isAfter(crash.plusSeconds(4 * 3600));
            assertEquals(inForce, step.halted().contains("COIN"), "halted at " + step.time());
            assertEquals(inForce, step.fired().contains("L4-FLASH-CRASH"), "flash-crash rule at " + step.time());
            assertEquals(!inForce, step.approvedBuys().contains("COIN"), "buy approved at " + step.time());
        }
        RuleActivity activity = RuleActivity.of(withRisk);
        assertEquals(5, activity.firingsByCode().get("L4-FLASH-CRASH"), "the crash bar and the 4 bars after it");
        assertEquals(0, activity.openedWhileHalted());

        ScenarioSpec bare = ScenarioFiles.parse(yaml.formatted("false"), dir);
        RunResult withoutRisk = Scenarios.run(bare, ScenarioData.load(bare, Optional.empty()));
        assertTrue(withoutRisk.steps().stream().allMatch(s -> s.approvedBuys().contains("COIN")),
                "without risk layers every buy goes through, the crash included");
        assertTrue(RuleActivity.of(withoutRisk).openedWhileHalted() > 0, "and buys open while the crash is in force");
    }

    /** 80 hourly bars around 100 with a 0.2 % range; bar 70 trades down to 88 and closes at 89. */
    private static void writeBars(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("date,open,high,low,close,volume\n");
        double price = 100;
        for (int i = 0; i < 80; i++) {
            double open = price;
            double close = i == CRASH_BAR ? 89 : price * (i % 2 == 0 ? 1.001 : 0.999);
            double high = Math.max(open, close) * 1.001;
            double low = i == CRASH_BAR ? 88 : Math.min(open, close) * 0.999;
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,1000%n", START.plusSeconds(3600L * i),
                    money(open), money(high), money(low), money(close)));
            price = close;
        }
        Files.writeString(file, csv);
    }

    private static String money(double value) {
        return BigDecimal.valueOf(value).setScale(4, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }
}
