package dev.arbiter.solver.constraints;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import dev.arbiter.solver.model.AllocationPlan;
import dev.arbiter.solver.model.GrossExposureLimit;
import dev.arbiter.solver.model.LotAllocation;
import dev.arbiter.solver.model.MarginUtilisationLimit;
import dev.arbiter.solver.model.PortfolioTerms;
import dev.arbiter.solver.model.PositionQuantityLimit;
import dev.arbiter.solver.model.StressedLeverageLimit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The score of an allocation plan in plain Java, equal to what {@link AllocationConstraintProvider}'s
 * constraint streams give for the same plan, without a score director: the exact sizer scores thousands
 * of candidate sizes with it where building a Timefold session would cost more than the search.
 *
 * <p>Every constraint here is the provider's constraint term for term: the same filters, the same
 * grouping, and the same model methods ({@link LotAllocation}, {@link PortfolioTerms},
 * {@link GrossExposureLimit}, {@link PositionQuantityLimit}, {@link StressedLeverageLimit},
 * {@link MarginUtilisationLimit}) rounded by the same {@link ScoreUnits}; no formula is written here. A
 * grouped constraint matches only when some order passes its filter, as a stream's {@code groupBy}
 * does (a free balance already below zero does not make a plan without buys infeasible). Orders whose
 * lots are unassigned are left out, as {@code forEach} leaves them out. {@code AllocationScorerTest}
 * checks the equality against {@code SolutionManager.update} on thousands of random plans.
 *
 * <p>Stateless and thread-safe; does not modify the plan (its score field included).
 */
public final class AllocationScorer {

    private AllocationScorer() {
    }

    /** The plan's hard and soft score, in {@link ScoreUnits}. */
    public static HardSoftLongScore score(AllocationPlan plan) {
        List<LotAllocation> assigned = new ArrayList<>(plan.getAllocations().size());
        for (LotAllocation allocation : plan.getAllocations()) {
            if (allocation.getLots() != null) {
                assigned.add(allocation);
            }
        }
        return HardSoftLongScore.of(hard(plan, assigned), soft(assigned));
    }

    private static long hard(AllocationPlan plan, List<LotAllocation> assigned) {
        long penalty = 0;
        for (LotAllocation allocation : assigned) {
            if (allocation.isAboveCap()) {
                penalty += allocation.lotsAboveCap();
            }
            if (allocation.isBelowMinNotional()) {
                penalty += ScoreUnits.hardMoney(allocation.minNotionalShortfall());
            }
        }
        Predicate<LotAllocation> traded = LotAllocation::isTraded;
        Predicate<LotAllocation> buy = allocation -> allocation.isTraded() && allocation.sign() > 0;
        Predicate<LotAllocation> takesBalance = allocation -> allocation.isTraded() && allocation.takesBalance();
        BigDecimal allNotional = sum(assigned, allocation -> true, LotAllocation::notional);
        BigDecimal tradedSigned = sum(assigned, traded, LotAllocation::signedNotional);
        BigDecimal buys = sum(assigned, buy, LotAllocation::notional);
        BigDecimal needed = sum(assigned, takesBalance, LotAllocation::balanceNeeded);
        boolean anyAssigned = !assigned.isEmpty();
        boolean anyTraded = assigned.stream().anyMatch(traded);
        boolean anyBuy = assigned.stream().anyMatch(buy);
        boolean anyNeeds = assigned.stream().anyMatch(takesBalance);

        GrossExposureLimit gross = plan.getGrossExposureLimit();
        if (anyAssigned && gross.isExceededWith(allNotional)) {
            penalty += ScoreUnits.hardMoney(gross.excessWith(allNotional));
        }
        PortfolioTerms terms = plan.getPortfolioTerms();
        if (anyTraded) {
            penalty += hardMoneyAbove(terms.netExcess(tradedSigned));
        }
        if (anyAssigned) {
            penalty += hardMoneyAbove(terms.leverageExcess(allNotional));
        }
        if (anyNeeds) {
            penalty += hardMoneyAbove(terms.balanceExcess(needed));
        }
        for (Map.Entry<String, BigDecimal> symbol : groupSum(assigned, traded, LotAllocation::getSymbol,
                LotAllocation::notional).entrySet()) {
            penalty += hardMoneyAbove(terms.instrumentExcess(symbol.getKey(), symbol.getValue()));
        }
        for (Map.Entry<String, BigDecimal> cluster : groupSum(assigned, traded, LotAllocation::getCluster,
                LotAllocation::notional).entrySet()) {
            penalty += hardMoneyAbove(terms.clusterExcess(cluster.getKey(), cluster.getValue()));
        }
        for (Map.Entry<String, BigDecimal> sector : groupSum(assigned,
                allocation -> allocation.isTraded() && allocation.getSector() != null, LotAllocation::getSector,
                LotAllocation::notional).entrySet()) {
            penalty += hardMoneyAbove(terms.sectorExcess(sector.getKey(), sector.getValue()));
        }
        for (Map.Entry<String, BigDecimal> venue : groupSum(assigned,
                allocation -> allocation.isTraded() && allocation.getVenue() != null, LotAllocation::getVenue,
                LotAllocation::notional).entrySet()) {
            penalty += hardMoneyAbove(terms.venueExcess(venue.getKey(), venue.getValue()));
        }
        PositionQuantityLimit position = plan.getPositionQuantityLimit();
        if (position != null) {
            for (Map.Entry<String, BigDecimal> symbol : groupSum(assigned, traded, LotAllocation::getSymbol,
                    LotAllocation::signedQuantity).entrySet()) {
                BigDecimal excess = position.excess(symbol.getKey(), symbol.getValue());
                penalty += excess.signum() > 0 ? ScoreUnits.hardQuantity(excess) : 0;
            }
        }
        StressedLeverageLimit stressed = plan.getStressedLeverageLimit();
        if (stressed != null && anyAssigned) {
            penalty += hardMoneyAbove(stressed.excess(allNotional));
        }
        MarginUtilisationLimit margin = plan.getMarginUtilisationLimit();
        if (margin != null && anyBuy) {
            penalty += hardMoneyAbove(margin.excess(buys));
        }
        return -penalty;
    }

    private static long soft(List<LotAllocation> assigned) {
        long soft = 0;
        List<LotAllocation> risky = new ArrayList<>();
        for (LotAllocation allocation : assigned) {
            if (allocation.isTraded()) {
                soft += ScoreUnits.soft(allocation.expectedReturn());
                if (allocation.getCostRate().signum() > 0) {
                    soft -= ScoreUnits.soft(allocation.tradingCost());
                }
                if (allocation.getTurnoverRate().signum() > 0) {
                    soft -= ScoreUnits.soft(allocation.turnoverPenalty());
                }
            }
            if (allocation.isRisky()) {
                soft -= ScoreUnits.softDouble(allocation.ownRisk());
                risky.add(allocation);
            }
        }
        // each pair once, the lower proposal id on the left, as the provider's lessThan joiner pairs them
        for (LotAllocation left : risky) {
            for (LotAllocation right : risky) {
                if (left.getProposalId().compareTo(right.getProposalId()) < 0 && left.addsPairRiskWith(right)) {
                    soft -= ScoreUnits.softDouble(left.pairRisk(right));
                }
            }
        }
        return soft;
    }

    /** The penalty of an excess the streams filter on {@code signum() > 0}: none when within. */
    private static long hardMoneyAbove(BigDecimal excess) {
        return excess.signum() > 0 ? ScoreUnits.hardMoney(excess) : 0;
    }

    private static BigDecimal sum(List<LotAllocation> allocations, Predicate<LotAllocation> filter,
                                  Function<LotAllocation, BigDecimal> value) {
        BigDecimal sum = BigDecimal.ZERO;
        for (LotAllocation allocation : allocations) {
            if (filter.test(allocation)) {
                sum = sum.add(value.apply(allocation));
            }
        }
        return sum;
    }

    private static Map<String, BigDecimal> groupSum(List<LotAllocation> allocations, Predicate<LotAllocation> filter,
                                                    Function<LotAllocation, String> key,
                                                    Function<LotAllocation, BigDecimal> value) {
        Map<String, BigDecimal> keyToSum = new TreeMap<>();
        for (LotAllocation allocation : allocations) {
            if (filter.test(allocation)) {
                keyToSum.merge(key.apply(allocation), value.apply(allocation), BigDecimal::add);
            }
        }
        return keyToSum;
    }
}
