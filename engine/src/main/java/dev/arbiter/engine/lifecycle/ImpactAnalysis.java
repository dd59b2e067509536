package dev.arbiter.engine.lifecycle;

import dev.arbiter.engine.decision.RuleRelease;

/** Re-runs stored decisions with a candidate release and reports every one that would change. */
@FunctionalInterface
public interface ImpactAnalysis {

    ImpactReport assess(RuleRelease candidate);
}
