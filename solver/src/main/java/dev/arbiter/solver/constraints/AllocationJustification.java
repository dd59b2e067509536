package dev.arbiter.solver.constraints;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/**
 * What every allocation constraint attaches to a match: structured numbers (record components,
 * compared numerically) and one human sentence built from them.
 */
public sealed interface AllocationJustification extends ConstraintJustification
        permits ProposalCapJustification, GrossExposureJustification, MinNotionalJustification,
        ExposureLimitJustification, PositionQuantityJustification, ExpectedReturnJustification, CostJustification,
        RiskJustification {

    /** One sentence with the numbers behind the match. */
    String description();
}
