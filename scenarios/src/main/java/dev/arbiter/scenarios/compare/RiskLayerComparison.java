package dev.arbiter.scenarios.compare;

import dev.arbiter.kb.fact.Bar;
import dev.arbiter.scenarios.metrics.MetricsCalculator;
import dev.arbiter.scenarios.metrics.PerformanceMetrics;
import dev.arbiter.scenarios.run.Scenarios;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import java.util.List;
import java.util.Map;

/**
 * What the risk layers are worth: the same scenario (same strategies, clients, bars and fills) run with
 * the rule set's risk layers and with its strategy rules alone.
 */
public record RiskLayerComparison(String scenario, PerformanceMetrics withRisk, PerformanceMetrics withoutRisk) {

    public static RiskLayerComparison of(ScenarioSpec spec, Map<String, List<Bar>> bars) {
        PerformanceMetrics with = MetricsCalculator.of(Scenarios.run(spec.withRules(spec.rules().withRiskLayers(true)), bars));
        PerformanceMetrics without = MetricsCalculator.of(Scenarios.run(spec.withRules(spec.rules().withRiskLayers(false)), bars));
        return new RiskLayerComparison(spec.name(), with, without);
    }
}
