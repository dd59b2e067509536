package dev.arbiter.solver;

import static dev.arbiter.solver.Fixtures.capped;
import static dev.arbiter.solver.Fixtures.problem;
import static dev.arbiter.solver.Fixtures.proposal;
import static dev.arbiter.solver.Fixtures.uncapped;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.kb.fact.Side;
import dev.arbiter.solver.model.AllocationPlan;
import dev.arbiter.solver.model.LotAllocation;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExactSizerTest {

    private static AllocationPlan sizablePlan(AllocationProblem problem) {
        List<LotAllocation> sizable = PlanBuilder.allocations(problem).stream().filter(LotAllocation::isSizable).toList();
        return PlanBuilder.plan(problem, sizable);
    }

    private static List<Integer> lotsOf(AllocationPlan plan) {
        return plan.getAllocations().stream().map(LotAllocation::getLots).toList();
    }

    @Test
    void sizesOneOrderUpToTheGrossLimitByBisection() {
        // 60 per lot of 0.001 BTC, 1000 lots allowed, 30000 of gross budget left: 500 lots
        AllocationPlan plan = sizablePlan(problem("40000", "10000",
                capped(proposal("P-BTC", "BTC-USD", Side.BUY, "2", "60000", 0.7), "1", "0.001", "L1-MAX-ORDER-QTY")));

        assertThat(ExactSizer.size(plan)).contains(ExactSizer.Path.ONE_ORDER);
        assertThat(lotsOf(plan)).containsExactly(500);
    }

    @Test
    void sizesOneOrderAtItsCapWhenNoLimitBinds() {
        AllocationPlan plan = sizablePlan(problem("1000000", "0",
                capped(proposal("P-ETH", "ETH-USD", Side.SELL, "20", "3000", 0.6), "10", "0.01", "L1-MAX-ORDER-QTY")));

        assertThat(ExactSizer.size(plan)).contains(ExactSizer.Path.ONE_ORDER);
        assertThat(lotsOf(plan)).containsExactly(1000);
    }

    @Test
    void tradesNothingWhenTheAccountIsAlreadyAboveItsGrossLimit() {
        AllocationPlan plan = sizablePlan(problem("10000", "12000",
                uncapped(proposal("P-ETH", "ETH-USD", Side.BUY, "1", "3000", 0.6), "0.01")));

        assertThat(ExactSizer.size(plan)).contains(ExactSizer.Path.ONE_ORDER);
        assertThat(lotsOf(plan)).containsExactly(0);
    }

    @Test
    void leavesAFlatObjectiveOverThousandsOfLotsToTheSearch() {
        // every size scores 0: the sizes that could win are all 100,000 of them, more than the one-order window
        AllocationProblem flat = new AllocationProblem(
                List.of(uncapped(proposal("P-ETH", "ETH-USD", Side.BUY, "1000", "3000", 0.6), "0.01")),
                List.of(), List.of(), BigDecimal.ZERO, null, PortfolioLimits.grossOnly(new BigDecimal("1000000000")),
                new ObjectiveWeights(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO, BigDecimal.ZERO),
                ReturnCovariance.none());
        AllocationPlan plan = sizablePlan(flat);

        assertThat(ExactSizer.size(plan)).isEmpty();
        assertThat(lotsOf(plan)).containsOnlyNulls();
    }

    @Test
    void sizesAFewOrdersToTheOptimumGreedyMissesByBranchAndBound() {
        // budget 1000: greedy by conviction takes BTC (600) and SOL (300) for 690; ETH alone fills it for 800
        AllocationPlan plan = sizablePlan(problem("31000", "30000",
                uncapped(proposal("P-BTC", "BTC-USD", Side.BUY, "0.01", "60000", 0.9), "0.01"),
                uncapped(proposal("P-ETH", "ETH-USD", Side.SELL, "0.2", "5000", 0.8), "0.1"),
                uncapped(proposal("P-SOL", "SOL-USD", Side.BUY, "3", "100", 0.5), "1")));

        assertThat(ExactSizer.size(plan)).contains(ExactSizer.Path.BRANCH_AND_BOUND);
        assertThat(lotsOf(plan)).containsExactly(0, 2, 0);
    }

    @Test
    void sizesTwoOrdersWithTooManyCombinationsToEnumerateByBranchAndBound() {
        // 101 × 101 sizes; the gross budget of 30000 is filled by 50 lots of BTC (600 each, conviction 0.9):
        // ETH (300 a lot, conviction 0.8) earns less per unit of value
        AllocationPlan plan = sizablePlan(problem("30000", "0",
                uncapped(proposal("P-BTC", "BTC-USD", Side.BUY, "1", "60000", 0.9), "0.01"),
                uncapped(proposal("P-ETH", "ETH-USD", Side.SELL, "1", "30000", 0.8), "0.01")));

        assertThat(ExactSizer.combinations(plan.getAllocations())).isGreaterThan(ExactSizer.MAX_COMBINATIONS);
        assertThat(ExactSizer.size(plan)).contains(ExactSizer.Path.BRANCH_AND_BOUND);
        assertThat(lotsOf(plan)).containsExactly(50, 0);
    }

    @Test
    void leavesMoreOrdersThanBranchAndBoundTakesToTheSearch() {
        AllocationPlan plan = sizablePlan(problem("1000000", "0",
                uncapped(proposal("P-BTC", "BTC-USD", Side.BUY, "1", "60000", 0.9), "0.01"),
                uncapped(proposal("P-ETH", "ETH-USD", Side.SELL, "1", "3000", 0.8), "0.01"),
                uncapped(proposal("P-SOL", "SOL-USD", Side.BUY, "1", "150", 0.7), "0.01"),
                uncapped(proposal("P-ADA", "ADA-USD", Side.BUY, "100", "0.5", 0.6), "1"),
                uncapped(proposal("P-XRP", "XRP-USD", Side.BUY, "100", "0.6", 0.5), "1")));

        assertThat(plan.getAllocations()).hasSizeGreaterThan(ExactSizer.MAX_BOUNDED_ORDERS);
        assertThat(ExactSizer.size(plan)).isEmpty();
        assertThat(lotsOf(plan)).containsOnlyNulls();
    }

    @Test
    void enumeratesMoreOrdersThanBranchAndBoundTakesWhenTheyAreFewCombinations() {
        // five orders of one or two lots: 2 × 2 × 3 × 3 × 3 = 108 combinations
        AllocationPlan plan = sizablePlan(problem("1500", "0",
                uncapped(proposal("P-BTC", "BTC-USD", Side.BUY, "0.01", "60000", 0.9), "0.01"),
                uncapped(proposal("P-ETH", "ETH-USD", Side.SELL, "0.1", "3000", 0.8), "0.1"),
                uncapped(proposal("P-SOL", "SOL-USD", Side.BUY, "2", "150", 0.7), "1"),
                uncapped(proposal("P-ADA", "ADA-USD", Side.BUY, "200", "0.5", 0.6), "100"),
                uncapped(proposal("P-XRP", "XRP-USD", Side.BUY, "200", "0.6", 0.5), "100")));

        assertThat(ExactSizer.size(plan)).contains(ExactSizer.Path.ENUMERATION);
        // 600 (BTC) + 300 (ETH) + 300 (SOL) + 100 (ADA) + 120 (XRP) = 1420: all fit the 1500 budget
        assertThat(lotsOf(plan)).containsExactly(1, 1, 2, 2, 2);
    }
}
