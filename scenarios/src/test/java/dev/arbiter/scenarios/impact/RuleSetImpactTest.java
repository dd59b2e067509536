package dev.arbiter.scenarios.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.scenarios.data.ScenarioData;
import dev.arbiter.scenarios.run.PipelineFactory;
import dev.arbiter.scenarios.run.Scenarios;
import dev.arbiter.scenarios.run.StepRecord;
import dev.arbiter.scenarios.spec.RulesSpec;
import dev.arbiter.scenarios.spec.ScenarioFiles;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rule set B lowers the maximum order value below the client's order size, on real ETH-USD bars: B caps each buy. */
class RuleSetImpactTest {

    @Test
    void everyApprovedBuyChangesAndTheLoweredLimitIsNamedAsResponsible() {
        ScenarioSpec spec = ScenarioFiles.parse("""
                name: impact
                market:
                  - {symbol: ETH-USD, file: "classpath:ETH-USD-PT5M-2023-3-13_2023-3-15.json", format: ta4j-json, period: PT5M,
                     lotSize: 0.01, tickSize: 0.01}
                from: "2023-03-14T00:00:00Z"
                to: "2023-03-14T02:00:00Z"
                windowBars: 60
                strategies: false
                clients: [{name: dca, everyBars: 3, notional: 2000}]
                """, Path.of("."));
        Map<String, List<Bar>> bars = ScenarioData.load(spec, Optional.empty());
        RulesSpec b = new RulesSpec(null, true, Map.of("max-order-value", new BigDecimal("1000")), Map.of());
        ImpactReport report;
        try (DecisionPipeline pipelineA = PipelineFactory.create(spec.rules(), false);
             DecisionPipeline pipelineB = PipelineFactory.create(b, false)) {
            report = RuleSetImpact.compare(spec, bars, pipelineA, pipelineB);
        }
        List<StepRecord> approvedUnderA = Scenarios.run(spec, bars).steps().stream()
                .filter(s -> !s.approvedBuys().isEmpty()).toList();

        assertEquals(24, report.decisions());
        assertFalse(approvedUnderA.isEmpty());
        assertEquals(approvedUnderA.size(), report.changes().size(), "each approved 2000 buy is over B's 1000 limit");
        for (DecisionChange change : report.changes()) {
            assertEquals("APPROVED", change.statusA());
            // B caps the order's value at 1000: the same buy at about half the quantity (ETH was about 1,650).
            assertEquals(1, change.ordersA().size());
            assertEquals(1, change.ordersB().size(), change.toString());
            double quantityA = new BigDecimal(change.ordersA().get(0).split(" ")[1]).doubleValue();
            double quantityB = new BigDecimal(change.ordersB().get(0).split(" ")[1]).doubleValue();
            assertTrue(quantityB < quantityA && quantityB <= 1000 / 1500.0, change.toString());
            assertTrue(change.onlyB().contains("L7-MAX-ORDER-VALUE ETH-USD"), change.toString());
            assertTrue(change.onlyA().isEmpty(), change.toString());
        }
        assertEquals(report.changes().size(), report.byRule().get("B:L7-MAX-ORDER-VALUE"));
    }
}
