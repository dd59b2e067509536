package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.DecisionPipeline;
import java.util.Objects;

/** The pipeline each kind of stored decision is made, replayed and explained with. */
record PipelinesByKind(DecisionPipeline decisions, DecisionPipeline checks, DecisionPipeline allocatedChecks) {

    PipelinesByKind {
        Objects.requireNonNull(decisions, "decisions");
        Objects.requireNonNull(checks, "checks");
        Objects.requireNonNull(allocatedChecks, "allocatedChecks");
    }

    /** @param kind {@link DecisionService#DECISION}, {@link DecisionService#CHECK} or {@link DecisionService#ALLOCATED_CHECK} */
    DecisionPipeline of(String kind) {
        return switch (kind) {
            case DecisionService.CHECK -> checks;
            case DecisionService.ALLOCATED_CHECK -> allocatedChecks;
            default -> decisions;
        };
    }
}
