package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.engine.decision.RuleRelease;
import dev.arbiter.engine.service.store.ReleaseStore;
import dev.arbiter.rules.pack.LimitSet;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Risk officers change limits in force: a new release (same rules and parameters, new limits) is
 * stored and its activation audited first, then decisions and checks switch to it atomically. A
 * restart keeps the limits last activated as long as the shipped rules and parameters are the ones
 * they were activated with.
 */
final class LimitChanges {

    private final DecisionPipeline decisions;
    private final DecisionPipeline checks;
    private final DecisionPipeline allocatedChecks;
    private final ReleaseStore releases;
    private final MeterRegistry registry;

    LimitChanges(DecisionPipeline decisions, DecisionPipeline checks, DecisionPipeline allocatedChecks,
                 ReleaseStore releases, MeterRegistry registry) {
        this.allocatedChecks = allocatedChecks;
        this.decisions = decisions;
        this.checks = checks;
        this.releases = releases;
        this.registry = registry;
    }

    /** At start-up: back to the limits last activated, if they were activated with the rules and parameters shipped now. */
    void restore() {
        restore(decisions, DecisionService.DECISION);
        restore(checks, DecisionService.CHECK);
        restore(allocatedChecks, DecisionService.CHECK); // the same release as checks, sized by the allocator
        gauge(decisions);
    }

    private void restore(DecisionPipeline pipeline, String purpose) {
        RuleRelease shipped = pipeline.active();
        Optional<RuleRelease> last = releases.lastActivated(purpose).flatMap(releases::load);
        if (last.isPresent() && last.get().rules().version().equals(shipped.rules().version())
                && last.get().parameters().version().equals(shipped.parameters().version())) {
            pipeline.activate(last.get());
        }
    }

    /** Changes the named limits (each must exist, each value >= 0) and returns the new decision release. */
    synchronized RuleRelease change(Map<String, BigDecimal> changes, String actor) {
        if (changes == null || changes.isEmpty()) {
            throw new InvalidRequestException("limits", String.valueOf(changes), "an object of limit names and new values");
        }
        LimitSet limits = decisions.active().limits();
        for (Map.Entry<String, BigDecimal> change : new TreeMap<>(changes).entrySet()) {
            if (!limits.values().containsKey(change.getKey())) {
                throw new InvalidRequestException("limits." + change.getKey(), "unknown limit",
                        "one of the limits in force " + limits.values().keySet());
            }
            if (change.getValue() == null || change.getValue().signum() < 0) {
                throw new InvalidRequestException("limits." + change.getKey(), String.valueOf(change.getValue()), "a number >= 0");
            }
            limits = limits.with(change.getKey(), change.getValue());
        }
        RuleRelease forDecisions = new RuleRelease(decisions.active().rules(), limits, decisions.active().parameters());
        RuleRelease forChecks = new RuleRelease(checks.active().rules(), limits, checks.active().parameters());
        releases.activated(forDecisions, DecisionService.DECISION, actor);
        releases.activated(forChecks, DecisionService.CHECK, actor);
        decisions.activate(forDecisions);
        checks.activate(forChecks);
        allocatedChecks.activate(forChecks);
        gauge(decisions);
        return forDecisions;
    }

    /** {@code arbiter_ruleset_active}: 1 for the versions decisions use now, 0 for those they used before. */
    private void gauge(DecisionPipeline pipeline) {
        var versions = pipeline.versions();
        Gauge.builder("arbiter.ruleset.active", () -> pipeline.versions().equals(versions) ? 1 : 0)
                .description("The rule set, limits and parameters decisions are made with now (1) or were before (0)")
                .tag("ruleSet", versions.ruleSet()).tag("limits", versions.limits())
                .tag("parameters", versions.parameters()).register(registry);
    }
}
