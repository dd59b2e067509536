package dev.arbiter.scenarios.stress;

import dev.arbiter.scenarios.metrics.PerformanceMetrics;
import dev.arbiter.scenarios.report.RuleActivity;
import java.util.List;

/** The scenario as it happened, under each shock, and over the Monte Carlo paths. */
public record StressReport(String scenario, PerformanceMetrics base, List<ShockResult> shocks,
                           OutcomeDistribution monteCarlo) {

    /** One shocked run. */
    public record ShockResult(Shock shock, PerformanceMetrics metrics, RuleActivity activity) {
    }
}
