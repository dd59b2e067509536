package dev.arbiter.solver;

import static dev.arbiter.solver.Fixtures.capped;
import static dev.arbiter.solver.Fixtures.problem;
import static dev.arbiter.solver.Fixtures.proposal;
import static dev.arbiter.solver.Fixtures.uncapped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import dev.arbiter.kb.fact.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CapitalAllocatorTest {

    private final CapitalAllocator allocator = new CapitalAllocator(AllocatorSettings.defaults());

    /** Budget 1000: greedy by conviction takes BTC (600) and SOL (300) for 690; ETH alone fills it for 800. */
    private static AllocationProblem greedyIsNotOptimal() {
        return problem("31000", "30000",
                uncapped(proposal("P-BTC", "BTC-USD", Side.BUY, "0.01", "60000", 0.9), "0.01"),
                uncapped(proposal("P-ETH", "ETH-USD", Side.SELL, "0.2", "5000", 0.8), "0.1"),
                uncapped(proposal("P-SOL", "SOL-USD", Side.BUY, "3", "100", 0.5), "1"));
    }

    /** Budget 22000: BTC at its cap (18000), ETH fills what is left but one 300 lot, SOL's 150 lot no longer fits. */
    private static AllocationProblem grossLimitBindsAfterACap() {
        return problem("50000", "28000",
                capped(proposal("P-BTC", "BTC-USD", Side.BUY, "0.50", "60000", 0.9), "0.30", "0.01", "L1-MAX-ORDER-QTY"),
                uncapped(proposal("P-ETH", "ETH-USD", Side.SELL, "5.0", "3000", 0.6), "0.1"),
                uncapped(proposal("P-SOL", "SOL-USD", Side.BUY, "40", "150", 0.5), "1"));
    }

    @Test
    void sizesToTheBruteForceOptimumWhenGreedyByConvictionIsNot() {
        AllocationProblem problem = greedyIsNotOptimal();

        Allocation allocation = allocator.allocate(problem);

        BruteForce.Optimum optimum = BruteForce.optimum(problem);
        assertThat(optimum.objective()).isEqualByComparingTo("800");
        assertThat(allocation.feasible()).isTrue();
        assertThat(softScore(allocation)).isEqualTo(optimum.objective().movePointRight(4).longValueExact());
        assertThat(allocation.score()).isEqualTo("0hard/8000000soft");
        assertThat(allocation.orders()).extracting(AllocatedOrder::proposalId, AllocatedOrder::quantity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("P-BTC", new BigDecimal("0.00")),
                        org.assertj.core.groups.Tuple.tuple("P-ETH", new BigDecimal("0.2")),
                        org.assertj.core.groups.Tuple.tuple("P-SOL", new BigDecimal("0")));
        assertThat(allocation.orders().get(0).boundBy())
                .containsExactly("not traded: gross exposure is used up (31000.00 of the limit 31000.00)");
        assertThat(allocation.orders().get(1).boundBy()).containsExactly("capped at 0.2, the quantity proposed",
                "gross exposure binds too: one more lot of 0.1 would take it to 31500.00, above the limit 31000.00");
        assertThat(allocation.note())
                .isEqualTo("traded 1 of 3 candidates: new orders worth 1000.00 bring gross exposure to 31000.00 "
                        + "of the limit 31000.00");
    }

    @Test
    void explainsWhichConstraintHoldsEachOrderWhenTheGrossLimitBinds() {
        AllocationProblem problem = grossLimitBindsAfterACap();

        Allocation allocation = allocator.allocate(problem);

        assertThat(softScore(allocation))
                .isEqualTo(BruteForce.optimum(problem).objective().movePointRight(4).longValueExact());
        assertThat(allocation.score()).isEqualTo("0hard/185400000soft");
        AllocatedOrder btc = allocation.orders().get(0);
        AllocatedOrder eth = allocation.orders().get(1);
        AllocatedOrder sol = allocation.orders().get(2);
        assertThat(btc).isEqualTo(new AllocatedOrder("P-BTC", "BTC-USD", Side.BUY, new BigDecimal("0.30"),
                new BigDecimal("60000"), new BigDecimal("18000.00"), List.of("capped at 0.3 by L1-MAX-ORDER-QTY",
                "gross exposure binds too: one more lot of 0.01 would take it to 50500.00, above the limit 50000.00")));
        assertThat(eth.quantity()).isEqualTo(new BigDecimal("1.3"));
        assertThat(eth.side()).isEqualTo(Side.SELL);
        assertThat(eth.notional()).isEqualByComparingTo("3900");
        assertThat(eth.boundBy()).containsExactly(
                "held at 1.3: one more lot of 0.1 would take gross exposure to 50200.00, above the limit 50000.00");
        assertThat(sol.quantity()).isEqualTo(new BigDecimal("0"));
        assertThat(sol.boundBy()).containsExactly(
                "not traded: one lot of 1 would take gross exposure to 50050.00, above the limit 50000.00");
        assertThat(allocation.tradedOrders()).extracting(AllocatedOrder::proposalId).containsExactly("P-BTC", "P-ETH");
    }

    @Test
    void matchesTheBruteForceOptimumOnSeededRandomProblems() {
        Random random = new Random(20_261_121L);
        for (int instance = 0; instance < 25; instance++) {
            AllocationProblem problem = randomProblem(random);

            Allocation allocation = allocator.allocate(problem);

            BruteForce.Optimum optimum = BruteForce.optimum(problem);
            assertThat(allocation.feasible()).as("instance %d feasible", instance).isTrue();
            assertThat(BruteForce.objectiveOf(problem, allocation)).as("instance %d objective", instance)
                    .isEqualByComparingTo(optimum.objective());
            assertWithinEveryLimit(problem, allocation);
        }
    }

    @Test
    void givesTheSameAllocationForTheSameProblemEveryTime() {
        AllocationProblem problem = randomProblem(new Random(7));
        CapitalAllocator another = new CapitalAllocator(AllocatorSettings.defaults());

        Allocation first = allocator.allocate(problem);
        Allocation again = allocator.allocate(problem);
        Allocation fromAnotherAllocator = another.allocate(problem);

        assertThat(again).isEqualTo(first);
        assertThat(fromAnotherAllocator).isEqualTo(first);
    }

    @Test
    void givesTheSameAllocationWhenCalledFromSeveralThreadsAtOnce() throws Exception {
        AllocationProblem problem = grossLimitBindsAfterACap();
        Allocation expected = allocator.allocate(problem);
        List<Future<Allocation>> futures = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                futures.add(executor.submit(() -> allocator.allocate(problem)));
            }
            for (Future<Allocation> future : futures) {
                assertThat(future.get()).isEqualTo(expected);
            }
        }
    }

    @Test
    void scoresIncrementallyExactlyAsAFullRecalculationDoes() {
        AllocatorSettings shortSearch = new AllocatorSettings(3, 30);
        CapitalAllocator asserting = new CapitalAllocator(shortSearch, EnvironmentMode.FULL_ASSERT);

        Allocation checked = asserting.allocate(greedyIsNotOptimal());

        assertThat(checked).isEqualTo(new CapitalAllocator(shortSearch).allocate(greedyIsNotOptimal()));
    }

    @Test
    void allocatesNothingButStaysFeasibleWhenThereAreNoCandidates() {
        Allocation allocation = allocator.allocate(problem("50000", "1000"));

        assertThat(allocation.feasible()).isTrue();
        assertThat(allocation.orders()).isEmpty();
        assertThat(allocation.score()).isEqualTo("0hard/0soft");
        assertThat(allocation.note())
                .isEqualTo("no candidates: nothing to allocate; gross exposure stays at 1000.00 of the limit 50000.00");
    }

    @Test
    void sizesEveryOrderZeroWhenExistingExposureIsAlreadyAboveTheLimit() {
        AllocationProblem problem = problem("50000", "60000",
                uncapped(proposal("P-BTC", "BTC-USD", Side.BUY, "0.5", "60000", 0.9), "0.01"),
                capped(proposal("P-ETH", "ETH-USD", Side.SELL, "5", "3000", 0.6), "0", "0.1", "L3-DRAWDOWN"));

        Allocation allocation = allocator.allocate(problem);

        assertThat(allocation.feasible()).isFalse();
        assertThat(allocation.note()).isEqualTo("no orders: existing gross exposure 60000.00 already exceeds the limit "
                + "50000.00");
        assertThat(allocation.score()).isEqualTo("-1000000hard/0soft");
        assertThat(allocation.orders()).hasSize(2).allSatisfy(order -> {
            assertThat(order.quantity()).isZero();
            assertThat(order.notional()).isZero();
            assertThat(order.boundBy()).containsExactly(
                    "not traded: existing gross exposure 60000.00 already exceeds the limit 50000.00");
        });
        assertThat(allocation.tradedOrders()).isEmpty();
    }

    @Test
    void explainsAnOrderWhoseCapIsBelowOneLot() {
        AllocationProblem problem = problem("50000", "0",
                capped(proposal("P-BTC", "BTC-USD", Side.BUY, "0.5", "60000", 0.9), "0.005", "0.01", "L2-VOLATILITY"),
                capped(proposal("P-ETH", "ETH-USD", Side.BUY, "5", "3000", 0.6), "0", "0.1", "L3-DRAWDOWN", "L1-HALT"),
                uncapped(proposal("P-DOGE", "DOGE-USD", Side.BUY, "5", "0.1", 0.6), "10"));

        Allocation allocation = allocator.allocate(problem);

        assertThat(allocation.feasible()).isTrue();
        assertThat(allocation.orders()).extracting(order -> order.boundBy().getFirst()).containsExactly(
                "not traded: the cap 0.005 set by L2-VOLATILITY is below one lot of 0.01",
                "not traded: capped at 0 by L3-DRAWDOWN and L1-HALT",
                "not traded: the quantity proposed, 5, is below one lot of 10");
        assertThat(allocation.score()).isEqualTo("0hard/0soft");
    }

    @Test
    void roundsACapThatIsNotAWholeNumberOfLotsDown() {
        AllocationProblem problem = problem("50000", "0",
                capped(proposal("P-ETH", "ETH-USD", Side.BUY, "2", "3000", 0.6), "0.55", "0.1", "L1-MAX-ORDER-QTY"));

        AllocatedOrder eth = allocator.allocate(problem).orders().getFirst();

        assertThat(eth.quantity()).isEqualTo(new BigDecimal("0.5"));
        assertThat(eth.boundBy())
                .containsExactly("capped at 0.5 by L1-MAX-ORDER-QTY (0.55 rounded down to whole lots of 0.1)");
    }

    @Test
    void writesQuantitiesAsWholeLotsAtTheLotSizesScale() {
        AllocationProblem problem = problem("5000", "0",
                uncapped(proposal("P-ETH", "ETH-USD", Side.BUY, "2", "3000", 0.6), "0.010"),
                uncapped(proposal("P-SOL", "SOL-USD", Side.BUY, "40", "150", 0.5), "1E+1"));

        Allocation allocation = allocator.allocate(problem);

        AllocatedOrder eth = allocation.orders().get(0);
        AllocatedOrder sol = allocation.orders().get(1);
        assertThat(eth.quantity().scale()).isEqualTo(2);
        assertThat(eth.quantity()).isEqualTo(new BigDecimal("1.66"));
        assertThat(sol.quantity().scale()).isZero();
        assertThat(sol.quantity().remainder(BigDecimal.TEN)).isZero();
        assertWithinEveryLimit(problem, allocation);
    }

    @Test
    void saysWhenNoLimitDecidesTheSizeOfAnOrderWithoutConviction() {
        AllocationProblem problem = problem("50000", "0",
                uncapped(proposal("P-ETH", "ETH-USD", Side.BUY, "2", "3000", 0.0), "0.1"));

        AllocatedOrder eth = allocator.allocate(problem).orders().getFirst();

        assertThat(eth.boundBy()).singleElement().asString()
                .satisfiesAnyOf(
                        sentence -> assertThat(sentence).startsWith("capped at 2.0, the quantity proposed"),
                        sentence -> assertThat(sentence).endsWith(
                                "at conviction 0 the order adds nothing to the objective, so no limit decides its size"));
    }

    @Test
    void refusesAProblemTooLargeToScoreExactly() {
        AllocationProblem problem = problem("1E+20", "0",
                uncapped(proposal("P-BTC", "BTC-USD", Side.BUY, "10000000000", "60000", 0.9), "1"));

        assertThatThrownBy(() -> allocator.allocate(problem))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AllocationProblem: potential gross exposure 600000000000000.00 (existing exposure plus every "
                        + "candidate at its cap) is not accepted; expected at most 100000000000000.00, the most the "
                        + "allocator scores exactly. Maybe split the candidates into smaller problems?");
    }

    private static long softScore(Allocation allocation) {
        return HardSoftLongScore.parseScore(allocation.score()).softScore();
    }

    private static void assertWithinEveryLimit(AllocationProblem problem, Allocation allocation) {
        BigDecimal gross = problem.currentGrossExposure();
        for (int i = 0; i < problem.candidates().size(); i++) {
            AllocationCandidate candidate = problem.candidates().get(i);
            AllocatedOrder order = allocation.orders().get(i);
            assertThat(order.proposalId()).isEqualTo(candidate.proposal().proposalId());
            assertThat(order.quantity()).isLessThanOrEqualTo(candidate.maxQuantity());
            assertThat(order.quantity().remainder(candidate.lotSize())).isZero();
            assertThat(order.boundBy()).isNotEmpty();
            gross = gross.add(order.notional());
        }
        assertThat(gross).isLessThanOrEqualTo(problem.maxGrossExposure());
    }

    /** 2-4 candidates of up to 8 lots with uneven lot values, a limit that binds: brute force stays small. */
    private static AllocationProblem randomProblem(Random random) {
        String[] lotSizes = {"0.01", "0.1", "1"};
        int count = 2 + random.nextInt(3);
        List<AllocationCandidate> candidates = new ArrayList<>();
        BigDecimal potential = BigDecimal.ZERO;
        for (int i = 0; i < count; i++) {
            BigDecimal lotSize = new BigDecimal(lotSizes[random.nextInt(lotSizes.length)]);
            BigDecimal quantity = lotSize.multiply(BigDecimal.valueOf(1 + random.nextInt(8)));
            BigDecimal price = BigDecimal.valueOf(10 + random.nextInt(5000), 1);
            double conviction = (1 + random.nextInt(99)) / 100.0;
            var proposal = new dev.arbiter.kb.fact.Proposal("P" + i, "ACC-1", "SYM" + i,
                    random.nextBoolean() ? Side.BUY : Side.SELL, quantity, price, conviction, "strategy:random");
            candidates.add(AllocationCandidate.uncapped(proposal, lotSize));
            potential = potential.add(quantity.multiply(price));
        }
        BigDecimal limit = potential.multiply(BigDecimal.valueOf(20 + random.nextInt(60), 2))
                .setScale(2, java.math.RoundingMode.DOWN);
        return new AllocationProblem(candidates, limit.add(new BigDecimal("1000")), new BigDecimal("1000"));
    }
}
