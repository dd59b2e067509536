package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.PreTradeRelease;
import dev.arbiter.engine.decision.RuleRelease;
import dev.arbiter.engine.decision.Versions;
import dev.arbiter.engine.lifecycle.ReleaseSwitch;
import dev.arbiter.engine.service.store.ReleaseStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Activates a release for decisions and, derived from it, for pre-trade checks (with and without allocation):
 * each release is stored and its activation recorded in the audit chain first, then the pipelines swap. A
 * decision running meanwhile finishes with the release it started with.
 */
final class ServiceReleaseSwitch implements ReleaseSwitch {

    private final DecisionPipeline decisions;
    private final DecisionPipeline checks;
    private final DecisionPipeline allocatedChecks;
    private final ReleaseStore releases;
    private final MeterRegistry registry;

    ServiceReleaseSwitch(DecisionPipeline decisions, DecisionPipeline checks, DecisionPipeline allocatedChecks,
                         ReleaseStore releases, MeterRegistry registry) {
        this.decisions = decisions;
        this.checks = checks;
        this.allocatedChecks = allocatedChecks;
        this.releases = releases;
        this.registry = registry;
        gauge();
    }

    @Override
    public RuleRelease active() {
        return decisions.active();
    }

    @Override
    public synchronized void activate(RuleRelease release, String actor) {
        RuleRelease preTrade = PreTradeRelease.of(release);
        releases.activated(release, DecisionService.DECISION, actor);
        releases.activated(preTrade, DecisionService.CHECK, actor);
        decisions.activate(release);
        checks.activate(preTrade);
        allocatedChecks.activate(preTrade);
        gauge();
    }

    /** {@code arbiter_ruleset_active}: 1 for the versions decisions use now, 0 for those they used before. */
    private void gauge() {
        Versions versions = decisions.versions();
        Gauge.builder("arbiter.ruleset.active", () -> decisions.versions().equals(versions) ? 1 : 0)
                .description("The rule set, limits and parameters decisions are made with now (1) or were before (0)")
                .tag("ruleSet", versions.ruleSet()).tag("limits", versions.limits())
                .tag("parameters", versions.parameters()).register(registry);
    }
}
