package dev.arbiter.scenarios.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScenarioFilesTest {

    private static final String MINIMAL = """
            name: calm
            market:
              - {symbol: ETH-USD, file: "classpath:ETH-USD-PT5M-2023-3-13_2023-3-15.json", format: ta4j-json, period: PT5M}
            """;

    @Test
    void readsEveryPartAndFillsDefaults() {
        ScenarioSpec spec = ScenarioFiles.parse(MINIMAL + """
                from: "2023-03-14T00:00:00Z"
                rules: {riskLayers: false, limits: {max-daily-loss: 500}}
                fills: {feeRate: 0.002, latencyBars: 1}
                clients: [{name: dca, everyBars: 6, notional: 2000}]
                expect:
                  - {check: max-drawdown, atMost: 0.1}
                  - {check: rule-fires, rule: L4-FLASH-CRASH, atLeast: 1}
                  - {check: no-open-while-halted}
                """, Path.of("."));
        assertEquals("calm", spec.name());
        assertEquals(Duration.ofMinutes(5), spec.market().get(0).period());
        assertEquals(Instant.parse("2023-03-14T00:00:00Z"), spec.from());
        assertEquals(100, spec.windowBars());
        assertEquals(false, spec.rules().riskLayers());
        assertEquals(new BigDecimal("500"), spec.rules().limits().get("max-daily-loss"));
        assertEquals(0.002, spec.fills().feeRate());
        assertEquals(FillSpec.DEFAULT.slippageRate(), spec.fills().slippageRate());
        assertEquals(1, spec.fills().latencyBars());
        assertEquals(6, spec.clients().get(0).everyBars());
        assertEquals(3, spec.expectations().size());
        assertEquals("rule-fires L4-FLASH-CRASH >= 1.0", spec.expectations().get(1).describe());
    }

    @Test
    void namesTheFieldTheValueAndWhatIsAccepted() {
        InvalidScenarioException typo = assertThrows(InvalidScenarioException.class,
                () -> ScenarioFiles.parse(MINIMAL + "expect: [{check: max-drawdwn, atMost: 0.1}]", Path.of(".")));
        assertEquals("expect[0].check", typo.field());
        assertTrue(typo.getMessage().contains("'max-drawdwn'") && typo.getMessage().contains("max-drawdown"), typo.getMessage());

        InvalidScenarioException detectors = assertThrows(InvalidScenarioException.class, () -> ScenarioFiles.parse(
                MINIMAL + "detectors: {flashCrash: {drop: 0.08, lookbackBars: 4, holdBars: 12}}", Path.of(".")));
        assertEquals("detectors", detectors.field());
        assertTrue(detectors.getMessage().contains("the engine's own anomaly detection")
                && detectors.getMessage().contains("remove the section"), detectors.getMessage());

        InvalidScenarioException unknownKey = assertThrows(InvalidScenarioException.class,
                () -> ScenarioFiles.parse(MINIMAL + "fills: {fee: 0.1}", Path.of(".")));
        assertEquals("fills.fee", unknownKey.field());

        InvalidScenarioException fraction = assertThrows(InvalidScenarioException.class,
                () -> ScenarioFiles.parse(MINIMAL + "fills: {slippageRate: 2}", Path.of(".")));
        assertEquals("fills.slippageRate", fraction.field());
        assertTrue(fraction.getMessage().contains("[0, 1]"), fraction.getMessage());

        InvalidScenarioException noBound = assertThrows(InvalidScenarioException.class,
                () -> ScenarioFiles.parse(MINIMAL + "expect: [{check: trades}]", Path.of(".")));
        assertEquals("expect[0]", noBound.field());

        InvalidScenarioException missingRule = assertThrows(InvalidScenarioException.class,
                () -> ScenarioFiles.parse(MINIMAL + "expect: [{check: rule-fires, atLeast: 1}]", Path.of(".")));
        assertEquals("expect[0].rule", missingRule.field());

        InvalidScenarioException period = assertThrows(InvalidScenarioException.class, () -> ScenarioFiles.parse("""
                name: x
                market: [{symbol: A, file: a.csv, period: 5m}]
                """, Path.of(".")));
        assertEquals("market[0].period", period.field());

        InvalidScenarioException client = assertThrows(InvalidScenarioException.class,
                () -> ScenarioFiles.parse(MINIMAL + "clients: [{name: c, symbols: [BTC-USD]}]", Path.of(".")));
        assertEquals("clients[0].symbols[0]", client.field());

        InvalidScenarioException range = assertThrows(InvalidScenarioException.class,
                () -> ScenarioFiles.parse(MINIMAL + "from: \"2023-03-15T00:00:00Z\"\nto: \"2023-03-14T00:00:00Z\"", Path.of(".")));
        assertEquals("to", range.field());

        InvalidScenarioException notYaml = assertThrows(InvalidScenarioException.class,
                () -> ScenarioFiles.parse("name: [unclosed", Path.of(".")));
        assertEquals("(file)", notYaml.field());
    }
}
