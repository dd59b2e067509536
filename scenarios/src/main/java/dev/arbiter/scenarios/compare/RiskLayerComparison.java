package dev.arbiter.scenarios.compare;

import dev.arbiter.kb.fact.Bar;
import dev.arbiter.scenarios.margin.MarginActivity;
import dev.arbiter.scenarios.metrics.MetricsCalculator;
import dev.arbiter.scenarios.metrics.PerformanceMetrics;
import dev.arbiter.scenarios.run.RunResult;
import dev.arbiter.scenarios.run.Scenarios;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import java.util.List;
import java.util.Map;

/**
 * What the risk layers are worth: the same scenario (same strategies, clients, bars and fills) run with
 * the rule set's risk layers and with its strategy rules alone; for perpetuals also the funding, liquidations and
 * closest approach to liquidation of each.
 */
public record RiskLayerComparison(String scenario, PerformanceMetrics withRisk, PerformanceMetrics withoutRisk,
                                  MarginActivity withRiskMargin, MarginActivity withoutRiskMargin) {

    public static RiskLayerComparison of(ScenarioSpec spec, Map<String, List<Bar>> bars) {
        RunResult with = Scenarios.run(spec.withRules(spec.rules().withRiskLayers(true)), bars);
        RunResult without = Scenarios.run(spec.withRules(spec.rules().withRiskLayers(false)), bars);
        return new RiskLayerComparison(spec.name(), MetricsCalculator.of(with), MetricsCalculator.of(without),
                with.margin(), without.margin());
    }

    /** Whether either run held a perpetual, so the table shows their margin columns. */
    public boolean perpetuals() {
        return withRiskMargin.any() || withoutRiskMargin.any();
    }
}
