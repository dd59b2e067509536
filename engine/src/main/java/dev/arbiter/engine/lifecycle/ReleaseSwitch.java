package dev.arbiter.engine.lifecycle;

import dev.arbiter.engine.decision.RuleRelease;

/**
 * What decisions run on: the release in force and the one atomic step that replaces it. The service's switch
 * also stores the release and records the activation in the audit chain before any decision can use it.
 */
public interface ReleaseSwitch {

    RuleRelease active();

    void activate(RuleRelease release, String actor);
}
