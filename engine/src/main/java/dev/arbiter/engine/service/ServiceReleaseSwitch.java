package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.RuleRelease;
import dev.arbiter.engine.lifecycle.ReleaseSwitch;
import dev.arbiter.engine.service.store.ReleaseStore;

/**
 * Activates a release for decisions and, derived from it, for pre-trade checks: each release is stored and its
 * activation recorded in the audit chain first, then the pipelines swap. A decision running meanwhile finishes
 * with the release it started with.
 */
final class ServiceReleaseSwitch implements ReleaseSwitch {

    private final DecisionPipeline decisions;
    private final DecisionPipeline checks;
    private final ReleaseStore releases;

    ServiceReleaseSwitch(DecisionPipeline decisions, DecisionPipeline checks, ReleaseStore releases) {
        this.decisions = decisions;
        this.checks = checks;
        this.releases = releases;
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
    }
}
