package dev.arbiter.solver.search;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import dev.arbiter.solver.model.AllocationPlan;
import dev.arbiter.solver.model.LotAllocation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * The {@link RebalanceMove}s of {@link RebalanceMoveListFactory}, made one at a time as the search asks
 * for them: a random order, a random one of its target sizes and a random way to shrink the others.
 * Making every move of a step up front costs O(orders² × targets) BigDecimal work, while a step evaluates
 * only until it has accepted a few: with 500 orders that list was most of the solve time.
 *
 * <p>Deterministic: every choice draws on the solver's seeded working random. One instance per solver
 * (Timefold builds the factory with each solver's phases), so the per-phase sort it keeps is not shared.
 */
public final class RebalanceMoveIteratorFactory implements MoveIteratorFactory<AllocationPlan, RebalanceMove> {

    /** Draws per order without a move before the step's iterator gives up (no target can be made room for). */
    private static final int ATTEMPTS_PER_ORDER = 4;

    /** The orders lowest conviction first, sorted once per phase; null outside a phase. */
    private List<LotAllocation> lowestConvictionFirst;

    @Override
    public void phaseStarted(ScoreDirector<AllocationPlan> scoreDirector) {
        lowestConvictionFirst = scoreDirector.getWorkingSolution().getAllocations().stream()
                .sorted(RebalanceMoveListFactory.LOWEST_CONVICTION_FIRST)
                .toList();
    }

    @Override
    public void phaseEnded(ScoreDirector<AllocationPlan> scoreDirector) {
        lowestConvictionFirst = null;
    }

    /**
     * An upper bound, as the search only uses it to decide when to stop drawing: per order, two ways to
     * shrink for each of 0, the cap, minLots and ±2ⁱ lots.
     */
    @Override
    public long getSize(ScoreDirector<AllocationPlan> scoreDirector) {
        long size = 0;
        for (LotAllocation allocation : scoreDirector.getWorkingSolution().getAllocations()) {
            size += 2L * (3 + 2L * (64 - Long.numberOfLeadingZeros(allocation.getMaxLots())));
        }
        return size;
    }

    @Override
    public Iterator<RebalanceMove> createOriginalMoveIterator(ScoreDirector<AllocationPlan> scoreDirector) {
        return new RebalanceMoveListFactory().createMoveList(scoreDirector.getWorkingSolution()).iterator();
    }

    @Override
    public Iterator<RebalanceMove> createRandomMoveIterator(ScoreDirector<AllocationPlan> scoreDirector,
                                                            Random workingRandom) {
        AllocationPlan plan = scoreDirector.getWorkingSolution();
        RebalanceMoveListFactory.Step step = lowestConvictionFirst == null
                ? RebalanceMoveListFactory.Step.of(plan)
                : RebalanceMoveListFactory.Step.of(plan, lowestConvictionFirst);
        return new Iterator<>() {
            private RebalanceMove next;
            private boolean exhausted = step.allocations().isEmpty();

            @Override
            public boolean hasNext() {
                if (next == null && !exhausted) {
                    next = draw();
                    exhausted = next == null;
                }
                return next != null;
            }

            @Override
            public RebalanceMove next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                RebalanceMove move = next;
                next = null;
                return move;
            }

            private RebalanceMove draw() {
                List<LotAllocation> allocations = step.allocations();
                for (int attempt = 0; attempt < ATTEMPTS_PER_ORDER * allocations.size(); attempt++) {
                    LotAllocation resized = allocations.get(workingRandom.nextInt(allocations.size()));
                    List<Integer> targets = new ArrayList<>(RebalanceMoveListFactory.targets(resized));
                    if (targets.isEmpty()) {
                        continue;
                    }
                    int target = targets.get(workingRandom.nextInt(targets.size()));
                    RebalanceMove move = step.rebalance(resized, target, workingRandom.nextBoolean());
                    if (move != null) {
                        return move;
                    }
                }
                return null;
            }
        };
    }
}
