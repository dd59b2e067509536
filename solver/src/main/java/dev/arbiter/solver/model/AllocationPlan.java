package dev.arbiter.solver.model;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactProperty;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The planning solution: one {@link LotAllocation} per candidate, in the candidates' order, and the
 * limits they share. The no-argument constructor exists for Timefold's solution cloner.
 */
@PlanningSolution
public class AllocationPlan {

    @PlanningEntityCollectionProperty
    private List<LotAllocation> allocations;

    @ProblemFactProperty
    private GrossExposureLimit grossExposureLimit;

    @ProblemFactProperty
    private PortfolioTerms portfolioTerms;

    /** Null when no position-quantity limit is set. */
    @ProblemFactProperty
    private PositionQuantityLimit positionQuantityLimit;

    /** Null unless the market is stressed and a stressed leverage limit is set. */
    @ProblemFactProperty
    private StressedLeverageLimit stressedLeverageLimit;

    /** Null unless a margin-utilisation limit is set and the account reports its margin. */
    @ProblemFactProperty
    private MarginUtilisationLimit marginUtilisationLimit;

    @PlanningScore
    private HardSoftLongScore score;

    /** For Timefold's solution cloner. */
    public AllocationPlan() {
    }

    public AllocationPlan(List<LotAllocation> allocations, GrossExposureLimit grossExposureLimit) {
        this(allocations, grossExposureLimit, PortfolioTerms.unlimited(grossExposureLimit.currentGrossExposure()));
    }

    public AllocationPlan(List<LotAllocation> allocations, GrossExposureLimit grossExposureLimit,
                          PortfolioTerms portfolioTerms) {
        this.allocations = new ArrayList<>(Objects.requireNonNull(allocations, "allocations"));
        this.grossExposureLimit = Objects.requireNonNull(grossExposureLimit, "grossExposureLimit");
        this.portfolioTerms = Objects.requireNonNull(portfolioTerms, "portfolioTerms");
    }

    /** With the optional limits; each may be {@code null} (not set, or not applying to this problem). */
    public AllocationPlan(List<LotAllocation> allocations, GrossExposureLimit grossExposureLimit,
                          PortfolioTerms portfolioTerms, PositionQuantityLimit positionQuantityLimit,
                          StressedLeverageLimit stressedLeverageLimit, MarginUtilisationLimit marginUtilisationLimit) {
        this(allocations, grossExposureLimit, portfolioTerms);
        this.positionQuantityLimit = positionQuantityLimit;
        this.stressedLeverageLimit = stressedLeverageLimit;
        this.marginUtilisationLimit = marginUtilisationLimit;
    }

    public PositionQuantityLimit getPositionQuantityLimit() {
        return positionQuantityLimit;
    }

    public StressedLeverageLimit getStressedLeverageLimit() {
        return stressedLeverageLimit;
    }

    public MarginUtilisationLimit getMarginUtilisationLimit() {
        return marginUtilisationLimit;
    }

    public PortfolioTerms getPortfolioTerms() {
        return portfolioTerms;
    }

    public List<LotAllocation> getAllocations() {
        return allocations;
    }

    public GrossExposureLimit getGrossExposureLimit() {
        return grossExposureLimit;
    }

    public HardSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardSoftLongScore score) {
        this.score = score;
    }

    /** Sum of the orders' notional at their chosen quantities. */
    public BigDecimal ordersNotional() {
        return allocations.stream().map(LotAllocation::notional).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Gross exposure with the chosen orders: existing exposure plus every order's notional. */
    public BigDecimal grossExposure() {
        return grossExposureLimit.grossWith(ordersNotional());
    }
}
