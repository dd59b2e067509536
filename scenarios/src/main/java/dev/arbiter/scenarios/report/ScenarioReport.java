package dev.arbiter.scenarios.report;

import dev.arbiter.scenarios.expect.ExpectationResult;
import dev.arbiter.scenarios.metrics.MetricsCalculator;
import dev.arbiter.scenarios.metrics.PerformanceMetrics;
import dev.arbiter.scenarios.expect.ExpectationChecker;
import dev.arbiter.scenarios.margin.MarginActivity;
import dev.arbiter.scenarios.run.RunResult;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import java.util.List;

/**
 * A run summed up: metrics, rule activity, expectations and speed.
 *
 * @param barsPerSecond decisions (one per bar of the timeline) per second of wall time
 * @param margin        the perpetuals' funding and liquidations
 */
public record ScenarioReport(String scenario, String description, PerformanceMetrics metrics, RuleActivity activity,
                             List<ExpectationResult> expectations, int decisions, double barsPerSecond,
                             MarginActivity margin) {

    public static ScenarioReport of(ScenarioSpec spec, RunResult run) {
        PerformanceMetrics metrics = MetricsCalculator.of(run);
        RuleActivity activity = RuleActivity.of(run);
        return new ScenarioReport(spec.name(), spec.description(), metrics, activity,
                ExpectationChecker.check(spec.expectations(), metrics, activity, run.margin()), run.steps().size(),
                run.steps().size() / Math.max(1e-9, run.elapsedNanos() / 1e9), run.margin());
    }

    public boolean expectationsHeld() {
        return expectations.stream().allMatch(ExpectationResult::held);
    }
}
