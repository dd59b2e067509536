package dev.arbiter.solver.constraints;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sumBigDecimal;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import dev.arbiter.solver.model.GrossExposureLimit;
import dev.arbiter.solver.model.LotAllocation;

/**
 * The allocation's constraints. Hard: every order within its proposal's cap, and gross exposure
 * within its limit. Soft: as much conviction-weighted notional as the hard limits allow. Units are
 * described in {@link ScoreUnits}.
 */
public final class AllocationConstraintProvider implements ConstraintProvider {

    public static final String WITHIN_PROPOSAL_CAP = "Order within its proposal cap";
    public static final String WITHIN_GROSS_EXPOSURE_LIMIT = "Gross exposure within limit";
    public static final String CONVICTION_WEIGHTED_NOTIONAL = "Conviction-weighted notional";

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                withinProposalCap(factory),
                withinGrossExposureLimit(factory),
                convictionWeightedNotional(factory)
        };
    }

    /**
     * lots × lotSize &le; maxQuantity. The value range already keeps the solver within the cap; the
     * constraint states the rule explicitly, so a move or a hand-built plan that breaks it is caught
     * and explained. Penalised by whole lots above the cap.
     */
    Constraint withinProposalCap(ConstraintFactory factory) {
        return factory.forEach(LotAllocation.class)
                .filter(LotAllocation::isAboveCap)
                .penalizeLong(HardSoftLongScore.ONE_HARD, LotAllocation::lotsAboveCap)
                .justifyWith((allocation, score) -> ProposalCapJustification.of(allocation))
                .asConstraint(WITHIN_PROPOSAL_CAP);
    }

    /**
     * existing gross exposure + Σ quantity × price &le; maxGrossExposure, both sides counting.
     * Penalised by the amount above the limit, in hard units of 0.01 rounded up.
     */
    Constraint withinGrossExposureLimit(ConstraintFactory factory) {
        return factory.forEach(LotAllocation.class)
                .groupBy(sumBigDecimal(LotAllocation::notional))
                .join(GrossExposureLimit.class)
                .filter((ordersNotional, limit) -> limit.isExceededWith(ordersNotional))
                .penalizeLong(HardSoftLongScore.ONE_HARD,
                        (ordersNotional, limit) -> ScoreUnits.hardMoney(limit.excessWith(ordersNotional)))
                .justifyWith((ordersNotional, limit, score) -> new GrossExposureJustification(ordersNotional,
                        limit.currentGrossExposure(), limit.maxGrossExposure()))
                .asConstraint(WITHIN_GROSS_EXPOSURE_LIMIT);
    }

    /** Rewards every traded order with conviction × notional, in soft units of 0.0001. */
    Constraint convictionWeightedNotional(ConstraintFactory factory) {
        return factory.forEach(LotAllocation.class)
                .filter(allocation -> allocation.lotsOrZero() > 0)
                .rewardLong(HardSoftLongScore.ONE_SOFT,
                        allocation -> ScoreUnits.soft(allocation.convictionWeightedNotional()))
                .justifyWith((allocation, score) -> ConvictionRewardJustification.of(allocation))
                .asConstraint(CONVICTION_WEIGHTED_NOTIONAL);
    }
}
