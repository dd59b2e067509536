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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
            AllocationProblem problem = harder(OptimalityCorpus.randomProblem(random), random);
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

    /** The same problem with short holdings of known quantity and every optional limit, some of them tight. */
    private static AllocationProblem harder(AllocationProblem problem, Random random) {
        List<Holding> holdings = List.of(
                new Holding("BTC-USD", BigDecimal.valueOf(1 + random.nextInt(5000)), BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.valueOf(random.nextInt(3), 1)),
                new Holding("SOL-USD", BigDecimal.valueOf(-1 - random.nextInt(2000)), BigDecimal.valueOf(random.nextInt(500)),
                        BigDecimal.ZERO, BigDecimal.valueOf(-random.nextInt(30), 1)));
        BigDecimal current = holdings.stream().map(Holding::gross).reduce(BigDecimal.ZERO, BigDecimal::add);
        PortfolioLimits limits = problem.limits();
        BigDecimal equity = problem.account().equity();
        PortfolioLimits harder = new PortfolioLimits(limits.maxGrossExposure().add(current), limits.maxNetExposure(),
                limits.maxLeverage(), random.nextBoolean() ? limits.marginRate() : new BigDecimal("0.2"),
                limits.maxInstrumentShare(), limits.maxClusterShare(), limits.maxSectorShare(),
                BigDecimal.valueOf(random.nextInt(40), 1),
                random.nextBoolean() ? BigDecimal.valueOf(1 + random.nextInt(20), 1) : null,
                BigDecimal.valueOf(random.nextInt(100), 2));
        AccountTerms account = random.nextInt(4) == 0
                ? new AccountTerms(equity, BigDecimal.valueOf(-random.nextInt(1000)), BigDecimal.ZERO)
                : new AccountTerms(equity, equity.multiply(BigDecimal.valueOf(random.nextInt(60), 2)),
                        BigDecimal.valueOf(random.nextInt(1000)), BigDecimal.valueOf(random.nextInt(20_000)),
                        BigDecimal.valueOf(10_000 + random.nextInt(40_000)));
        Map<String, String> stressed = random.nextBoolean()
                ? Map.of(problem.candidates().get(0).proposal().symbol(), "HIGH_VOLATILITY")
                : Map.of();
        List<AllocationCandidate> candidates = new ArrayList<>(problem.candidates());
        return new AllocationProblem(candidates, problem.instruments(), holdings, current, account, harder,
                problem.objective(), problem.covariance(), stressed);
    }
}
