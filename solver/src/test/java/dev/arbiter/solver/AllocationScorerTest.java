package dev.arbiter.solver;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import dev.arbiter.solver.constraints.AllocationConstraintProvider;
import dev.arbiter.solver.constraints.AllocationScorer;
import dev.arbiter.solver.model.AllocationPlan;
import dev.arbiter.solver.model.LotAllocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The plain-Java score equals Timefold's constraint streams ({@code SolutionManager.update}) on random
 * plans: problems of the optimality corpus's kind, made harder with every optional limit (position
 * quantity, stressed leverage, margin utilisation, an overdrawn balance, short holdings), and random lots
 * per order that break every kind of limit: above the cap, in the gap below the minimum notional, far
 * above the gross limit, and 0. {@code SolutionManager} refuses sizes outside an order's value range
 * (above the cap, in the gap), so those plans are scored by Timefold's {@code ConstraintVerifier}, the
 * same constraint streams.
 */
class AllocationScorerTest {

    private static final int PLANS = 4_000;

    private final SolutionManager<AllocationPlan, HardSoftLongScore> solutionManager = SolutionManager.create(
            SolverFactory.create(CapitalAllocator.solverConfig(AllocatorSettings.defaults(), EnvironmentMode.NO_ASSERT)));

    private final ConstraintVerifier<AllocationConstraintProvider, AllocationPlan> verifier = ConstraintVerifier.build(
            new AllocationConstraintProvider(), AllocationPlan.class, LotAllocation.class);

    @Test
    void scoresEveryRandomPlanAsTheConstraintStreamsDo() {
        Random random = new Random(4_242L);
        int infeasible = 0;
        int traded = 0;
        int outOfRange = 0;
        for (int plan = 0; plan < PLANS; plan++) {
            AllocationProblem problem = OptimalityCorpus.withEveryOptionalLimit(OptimalityCorpus.randomProblem(random), random);
            List<LotAllocation> allocations = PlanBuilder.allocations(problem);
            for (LotAllocation allocation : allocations) {
                allocation.setLots(randomLots(allocation, random));
                traded += allocation.isTraded() ? 1 : 0;
            }
            AllocationPlan allocationPlan = PlanBuilder.plan(problem, allocations);

            HardSoftLongScore plain = AllocationScorer.score(allocationPlan);

            if (allocations.stream().allMatch(allocation -> allocation.getLotRange().contains(allocation.getLots()))) {
                HardSoftLongScore streams = solutionManager.update(allocationPlan);
                assertThat(plain).as("plan %d: %s", plan, allocations).isEqualTo(streams);
                infeasible += streams.isFeasible() ? 0 : 1;
            } else {
                // SolutionManager refuses sizes outside the value range; the verifier scores them all the same
                verifier.verifyThat().given(factsOf(allocationPlan)).scores(plain);
                outOfRange++;
            }
        }
        // the plans cover both sides of the hard limits, sizes the search never offers, and trade
        assertThat(infeasible).isBetween(PLANS / 20, PLANS / 2);
        assertThat(outOfRange).isBetween(PLANS / 10, PLANS - PLANS / 10);
        assertThat(traded).isGreaterThan(PLANS);
    }

    @Test
    void leavesThePlanAsItWas() {
        AllocationProblem problem = OptimalityCorpus.randomProblem(new Random(3));
        List<LotAllocation> allocations = PlanBuilder.allocations(problem);
        allocations.forEach(allocation -> allocation.setLots(allocation.getMaxLots()));
        AllocationPlan plan = PlanBuilder.plan(problem, allocations);

        AllocationScorer.score(plan);

        assertThat(plan.getScore()).isNull();
        assertThat(allocations).allSatisfy(allocation ->
                assertThat(allocation.getLots()).isEqualTo(allocation.getMaxLots()));
    }

    /** The plan's entities and problem facts, for the verifier (which, given facts, checks no value range). */
    private static Object[] factsOf(AllocationPlan plan) {
        List<Object> facts = new ArrayList<>(plan.getAllocations());
        facts.add(plan.getGrossExposureLimit());
        facts.add(plan.getPortfolioTerms());
        Stream.of(plan.getPositionQuantityLimit(), plan.getStressedLeverageLimit(), plan.getMarginUtilisationLimit())
                .filter(Objects::nonNull)
                .forEach(facts::add);
        return facts.toArray();
    }

    /** 0, a size within the range, in the gap below the minimum notional, or above the cap. */
    private static int randomLots(LotAllocation allocation, Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> 0;
            case 1 -> 1 + random.nextInt(Math.max(1, allocation.getMinLots()));
            case 2 -> allocation.getMaxLots() + 1 + random.nextInt(3);
            default -> random.nextInt(allocation.getMaxLots() + 1);
        };
    }
}
