package dev.arbiter.scenarios.impact;

import java.util.List;
import java.util.Map;

/**
 * Rule set B replayed against rule set A's requests.
 *
 * @param byRule changed decisions per responsible rule ({@code A:CODE} fired only under A, {@code B:CODE} only under B)
 */
public record ImpactReport(String scenario, String versionA, String versionB, int decisions, List<DecisionChange> changes,
                           Map<String, Integer> byRule) {
}
