package dev.arbiter.solver.search;

import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveListFactory;
import dev.arbiter.solver.model.AllocationPlan;
import dev.arbiter.solver.model.ConvictionComparator;
import dev.arbiter.solver.model.GrossExposureLimit;
import dev.arbiter.solver.model.LotAllocation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes the {@link RebalanceMove}s of the current allocation. For each order and each target size
 * near its current one (±1, ±2, ±4, … lots, and 0 and its cap), a move sets that size, then, with the
 * other orders, shrinks some just enough to get back within the gross-exposure limit and grows the
 * highest-conviction ones with whatever budget is left: the greedy completion of a knapsack around
 * one fixed item. Two ways to shrink give two moves per target (kept once when they agree): the
 * lowest-conviction orders first, or the order that gives up the least conviction-weighted notional
 * when one order can free enough alone. Targets the others cannot make room for are left out.
 *
 * <p>Deterministic: targets in ascending order, orders sorted by conviction then proposal id, moves
 * in the order they are made. The search draws the same moves one at a time through
 * {@link RebalanceMoveIteratorFactory}; the whole list is for its original (non-random) order and tests.
 */
public final class RebalanceMoveListFactory implements MoveListFactory<AllocationPlan> {

    static final Comparator<LotAllocation> LOWEST_CONVICTION_FIRST = new ConvictionComparator();

    @Override
    public List<RebalanceMove> createMoveList(AllocationPlan plan) {
        Step step = Step.of(plan);
        Set<RebalanceMove> moves = new LinkedHashSet<>();
        for (LotAllocation resized : step.allocations()) {
            for (int target : targets(resized)) {
                for (boolean cheapestFirst : new boolean[] {false, true}) {
                    RebalanceMove move = step.rebalance(resized, target, cheapestFirst);
                    if (move != null) {
                        moves.add(move);
                    }
                }
            }
        }
        return new ArrayList<>(moves);
    }

    /**
     * What every move of one step shares: the assigned orders, the same orders lowest conviction first,
     * and the gross-exposure headroom.
     */
    record Step(List<LotAllocation> allocations, List<LotAllocation> lowestConvictionFirst, BigDecimal headroom) {

        static Step of(AllocationPlan plan) {
            List<LotAllocation> allocations = assigned(plan.getAllocations());
            return of(plan, allocations.stream().sorted(LOWEST_CONVICTION_FIRST).toList());
        }

        /**
         * With the orders already sorted lowest conviction first (the order never changes while sizes do,
         * so a search sorts them once).
         */
        static Step of(AllocationPlan plan, List<LotAllocation> lowestConvictionFirst) {
            List<LotAllocation> allocations = assigned(plan.getAllocations());
            return new Step(allocations, assigned(lowestConvictionFirst),
                    RebalanceMoveListFactory.headroom(plan.getGrossExposureLimit(), allocations));
        }

        private static List<LotAllocation> assigned(List<LotAllocation> allocations) {
            return allocations.stream().filter(allocation -> allocation.getLots() != null).toList();
        }

        /** The move that resizes {@code resized} to {@code target}; null when the others cannot make room. */
        RebalanceMove rebalance(LotAllocation resized, int target, boolean cheapestFirst) {
            return RebalanceMoveListFactory.rebalance(resized, target, lowestConvictionFirst, headroom, cheapestFirst);
        }
    }

    /** Gross exposure left under the limit with the current sizes (negative when above it). */
    private static BigDecimal headroom(GrossExposureLimit limit, List<LotAllocation> allocations) {
        BigDecimal orders = allocations.stream().map(LotAllocation::notional).reduce(BigDecimal.ZERO, BigDecimal::add);
        return limit.maxGrossExposure().subtract(limit.grossWith(orders));
    }

    /** 0, the cap, and the sizes ±1, ±2, ±4, … lots from the current one, within 0..maxLots, current excluded. */
    static TreeSet<Integer> targets(LotAllocation allocation) {
        int current = allocation.getLots();
        int max = allocation.getMaxLots();
        TreeSet<Integer> targets = new TreeSet<>();
        targets.add(0);
        targets.add(max);
        for (long step = 1; step <= max; step *= 2) {
            if (current - step >= 0) {
                targets.add((int) (current - step));
            }
            if (current + step <= max) {
                targets.add((int) (current + step));
            }
        }
        targets.add(Math.min(allocation.getMinLots(), max));
        targets.removeIf(target -> target > 0 && target < allocation.getMinLots());
        targets.remove(current);
        return targets;
    }

    private static int lowestConvictionHoldingLots(LotAllocation resized, List<LotAllocation> lowestConvictionFirst,
                                                   int[] lots) {
        for (int i = 0; i < lots.length; i++) {
            if (lowestConvictionFirst.get(i) != resized && lots[i] > 0) {
                return i;
            }
        }
        return -1;
    }

    /** The whole number {@code lots} (&ge; 0), capped at {@code limit}. */
    private static int atMost(BigDecimal lots, int limit) {
        return lots.compareTo(BigDecimal.valueOf(limit)) >= 0 ? limit : lots.intValueExact();
    }

    /**
     * Which other order to shrink to free {@code needed}: among those that can free it alone, the one
     * that gives up the least conviction-weighted notional (whole lots, so overshoot counts); when none
     * can, the lowest-conviction order still holding lots, which is then emptied. -1 when no order
     * holds lots.
     */
    private static int cheapestToShrink(LotAllocation resized, List<LotAllocation> lowestConvictionFirst, int[] lots,
                                        BigDecimal needed) {
        int cheapest = -1;
        BigDecimal cheapestLoss = null;
        int lowestConviction = -1;
        for (int i = 0; i < lots.length; i++) {
            LotAllocation other = lowestConvictionFirst.get(i);
            if (other == resized || lots[i] == 0) {
                continue;
            }
            if (lowestConviction < 0) {
                lowestConviction = i;
            }
            BigDecimal lotsNeeded = needed.divide(other.lotNotional(), 0, RoundingMode.CEILING);
            if (lotsNeeded.compareTo(BigDecimal.valueOf(lots[i])) <= 0) {
                BigDecimal loss = other.getExpectedReturnRate().multiply(other.lotNotional()).multiply(lotsNeeded);
                if (cheapestLoss == null || loss.compareTo(cheapestLoss) < 0) {
                    cheapest = i;
                    cheapestLoss = loss;
                }
            }
        }
        return cheapest >= 0 ? cheapest : lowestConviction;
    }

    private static RebalanceMove rebalance(LotAllocation resized, int target, List<LotAllocation> lowestConvictionFirst,
                                           BigDecimal headroom, boolean cheapestFirst) {
        int size = lowestConvictionFirst.size();
        int[] lots = new int[size];
        for (int i = 0; i < size; i++) {
            lots[i] = lowestConvictionFirst.get(i).getLots();
        }
        BigDecimal budget = headroom.subtract(resized.lotNotional().multiply(BigDecimal.valueOf((long) target - resized.getLots())));
        while (budget.signum() < 0) {
            int shrunk = cheapestFirst
                    ? cheapestToShrink(resized, lowestConvictionFirst, lots, budget.negate())
                    : lowestConvictionHoldingLots(resized, lowestConvictionFirst, lots);
            if (shrunk < 0) {
                return null;
            }
            LotAllocation other = lowestConvictionFirst.get(shrunk);
            int shrink = atMost(budget.negate().divide(other.lotNotional(), 0, RoundingMode.CEILING), lots[shrunk]);
            if (other.allowedAtOrBelow(lots[shrunk] - shrink) == 0) {
                shrink = lots[shrunk]; // below the minimum notional: not traded at all
            }
            lots[shrunk] -= shrink;
            budget = budget.add(other.lotNotional().multiply(BigDecimal.valueOf(shrink)));
        }
        for (int i = size - 1; i >= 0; i--) {
            LotAllocation other = lowestConvictionFirst.get(i);
            if (other == resized || lots[i] == other.getMaxLots()) {
                continue;
            }
            int grow = atMost(budget.divideToIntegralValue(other.lotNotional()), other.getMaxLots() - lots[i]);
            if (other.allowedAtOrBelow(lots[i] + grow) == 0) {
                grow = 0; // not enough budget for the minimum order
            }
            lots[i] += grow;
            budget = budget.subtract(other.lotNotional().multiply(BigDecimal.valueOf(grow)));
        }
        List<LotAllocation> changed = new ArrayList<>();
        List<Integer> newLots = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            LotAllocation allocation = lowestConvictionFirst.get(i);
            int value = allocation == resized ? target : lots[i];
            if (value != allocation.getLots()) {
                changed.add(allocation);
                newLots.add(value);
            }
        }
        return new RebalanceMove(resized, changed, newLots);
    }
}
