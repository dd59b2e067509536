package dev.arbiter.solver;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import dev.arbiter.solver.constraints.AllocationScorer;
import dev.arbiter.solver.model.AllocationPlan;
import dev.arbiter.solver.model.LotAllocation;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The exact sizer against Timefold's search and against exhaustive search, instance by instance:
 *
 * <ul>
 *   <li>on the {@link OptimalityCorpus} (several orders each): every instance is within the enumeration's
 *       reach by construction, so every one must take an exact path;</li>
 *   <li>on one-order problems made from the corpus by keeping its first candidate with a lot 10 to 10,000
 *       times finer (up to 4000 lots, minimum notionals of up to 1000 lots): every one must take the
 *       one-order path, which scores a few dozen of those sizes instead of all;</li>
 *   <li>on such one-order problems with every optional limit added (position quantity, stressed leverage,
 *       margin utilisation, overdrawn balances), the hard terms whose shape the one-order path relies
 *       on;</li>
 *   <li>on 100 problems of two to four orders with lots 5 to 50 times finer, beyond the enumeration,
 *       half of them with every optional limit: every one must take branch and bound.</li>
 * </ul>
 *
 * On each instance the exact allocation's score must equal the exhaustive optimum and Timefold's (on
 * the last set, be at least Timefold's: the search does not always reach the optimum there).
 */
class ExactSizingIT {

    private final CapitalAllocator exact = new CapitalAllocator(AllocatorSettings.defaults());
    private final CapitalAllocator search = CapitalAllocator.searchOnly(AllocatorSettings.defaults());

    @Test
    void sizesEveryCorpusInstanceExactlyToTheScoreOfTimefoldAndOfExhaustiveSearch() {
        List<AllocationProblem> problems = OptimalityCorpus.problems();
        Map<ExactSizer.Path, Integer> pathToCount = new EnumMap<>(ExactSizer.Path.class);
        int toSize = 0;
        for (int instance = 0; instance < problems.size(); instance++) {
            AllocationProblem problem = problems.get(instance);
            toSize += sizable(problem).isEmpty() ? 0 : 1;
            Optional<ExactSizer.Path> path = exactPath(problem);
            path.ifPresent(taken -> pathToCount.merge(taken, 1, Integer::sum));

            HardSoftLongScore exactScore = HardSoftLongScore.parseScore(exact.allocate(problem).score());

            assertThat(exactScore).as("instance %d against exhaustive search", instance)
                    .isEqualTo(OptimalityCorpus.exhaustive(search, problem));
            assertThat(exactScore).as("instance %d against Timefold", instance)
                    .isEqualTo(HardSoftLongScore.parseScore(search.allocate(problem).score()));
        }
        System.out.println("EXACT corpus instances=" + problems.size() + " withOrdersToSize=" + toSize + " paths="
                + pathToCount);
        assertThat(toSize).isGreaterThan(problems.size() * 9 / 10);
        assertThat(pathToCount.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(toSize);
        // every path is exercised: one order, two to four, and more orders within the enumeration
        assertThat(pathToCount.keySet()).containsExactlyInAnyOrder(ExactSizer.Path.values());
        assertThat(pathToCount.values()).allSatisfy(count -> assertThat(count).isGreaterThan(10));
    }

    @Test
    void sizesOneOrderWithThousandsOfLotsToTheScoreOfTimefoldAndOfExhaustiveSearch() {
        List<AllocationProblem> corpus = OptimalityCorpus.problems();
        Random random = new Random(77);
        int oneOrder = 0;
        int toSize = 0;
        int traded = 0;
        int interior = 0;
        for (int instance = 0; instance < corpus.size(); instance++) {
            AllocationProblem problem = oneOrderWithFineLots(corpus.get(instance), random);
            toSize += sizable(problem).isEmpty() ? 0 : 1;
            Optional<ExactSizer.Path> path = exactPath(problem);
            oneOrder += path.filter(ExactSizer.Path.ONE_ORDER::equals).isPresent() ? 1 : 0;

            Allocation allocation = exact.allocate(problem);
            HardSoftLongScore exactScore = HardSoftLongScore.parseScore(allocation.score());
            long[] best = exhaustiveOneOrder(problem);

            assertThat(exactScore).as("instance %d against exhaustive search", instance)
                    .isEqualTo(exact.scoreOf(problem, best));
            assertThat(exactScore).as("instance %d against Timefold", instance)
                    .isEqualTo(HardSoftLongScore.parseScore(search.allocate(problem).score()));
            BigDecimal quantity = allocation.orders().get(0).quantity();
            BigDecimal cap = problem.candidates().get(0).maxQuantity();
            traded += quantity.signum() > 0 ? 1 : 0;
            interior += quantity.signum() > 0 && quantity.compareTo(cap) < 0 ? 1 : 0;
        }
        System.out.println("EXACT one-order instances=" + corpus.size() + " withOrderToSize=" + toSize + " onePath="
                + oneOrder + " traded=" + traded + " belowCap=" + interior);
        assertThat(toSize).isGreaterThan(corpus.size() / 2);
        assertThat(oneOrder).isEqualTo(toSize);
        // the instances exercise the bisection (a limit binds below the cap) as well as the cap
        assertThat(interior).isGreaterThan(corpus.size() / 20);
        assertThat(traded - interior).isGreaterThan(corpus.size() / 20);
    }

    @Test
    void sizesOneOrderUnderEveryOptionalLimitToTheScoreOfTimefoldAndOfExhaustiveSearch() {
        // position quantity, stressed leverage, margin utilisation and overdrawn balances: the hard terms
        // whose shape the one-order path relies on (convex in the lots, within the limit at 0 lots)
        Random random = new Random(91);
        int instances = 600;
        int toSize = 0;
        int oneOrder = 0;
        int interior = 0;
        int infeasibleAboveMinimum = 0;
        for (int instance = 0; instance < instances; instance++) {
            AllocationProblem problem = oneOrderWithFineLots(
                    OptimalityCorpus.withEveryOptionalLimit(OptimalityCorpus.randomProblem(random), random), random);
            List<LotAllocation> sizable = sizable(problem);
            toSize += sizable.isEmpty() ? 0 : 1;
            oneOrder += exactPath(problem).filter(ExactSizer.Path.ONE_ORDER::equals).isPresent() ? 1 : 0;

            Allocation allocation = exact.allocate(problem);
            HardSoftLongScore exactScore = HardSoftLongScore.parseScore(allocation.score());

            assertThat(exactScore).as("instance %d against exhaustive search", instance)
                    .isEqualTo(exact.scoreOf(problem, exhaustiveOneOrder(problem)));
            assertThat(exactScore).as("instance %d against Timefold", instance)
                    .isEqualTo(HardSoftLongScore.parseScore(search.allocate(problem).score()));
            BigDecimal quantity = allocation.orders().get(0).quantity();
            interior += quantity.signum() > 0 && quantity.compareTo(problem.candidates().get(0).maxQuantity()) < 0 ? 1 : 0;
            infeasibleAboveMinimum += !sizable.isEmpty() && quantity.signum() == 0 && allocation.feasible() ? 1 : 0;
        }
        System.out.println("EXACT one-order every-limit instances=" + instances + " withOrderToSize=" + toSize
                + " onePath=" + oneOrder + " belowCap=" + interior + " notTraded=" + infeasibleAboveMinimum);
        assertThat(oneOrder).isEqualTo(toSize).isGreaterThan(instances / 2);
        // most of these orders lose money or break a limit at any size; enough stop inside their range
        assertThat(interior).isGreaterThan(instances / 50);
    }

    @Test
    void sizesTwoToFourOrdersWithManyCombinationsToTheExhaustiveOptimumByBranchAndBound() {
        // corpus problems cut to two or three candidates with finer lots, kept when beyond the enumeration
        Random random = new Random(2_026);
        int instances = 100;
        int generated = 0;
        int[] orderCounts = new int[5];
        int bounded = 0;
        int timefoldOptimal = 0;
        for (int instance = 0; instance < instances; generated++) {
            AllocationProblem base = OptimalityCorpus.randomProblem(random);
            // half of them with every optional limit: each becomes a linear limit in the bound
            AllocationProblem problem = fewOrdersWithFinerLots(
                    random.nextBoolean() ? OptimalityCorpus.withEveryOptionalLimit(base, random) : base, random);
            List<LotAllocation> sizable = sizable(problem);
            if (sizable.size() < 2 || ExactSizer.combinations(sizable) <= ExactSizer.MAX_COMBINATIONS
                    || combinationsBelow(sizable, EXHAUSTIVE_COMBINATIONS) > EXHAUSTIVE_COMBINATIONS) {
                // the corpus test has the small ones; these are beyond the enumeration
                continue;
            }
            orderCounts[sizable.size()]++;
            Optional<ExactSizer.Path> path = exactPath(problem);
            bounded += path.filter(ExactSizer.Path.BRANCH_AND_BOUND::equals).isPresent() ? 1 : 0;

            HardSoftLongScore exactScore = HardSoftLongScore.parseScore(exact.allocate(problem).score());
            HardSoftLongScore best = exact.scoreOf(problem, exhaustiveLots(problem));
            HardSoftLongScore timefold = HardSoftLongScore.parseScore(search.allocate(problem).score());

            assertThat(exactScore).as("instance %d against exhaustive search", instance).isEqualTo(best);
            assertThat(exactScore).as("instance %d against Timefold", instance).isGreaterThanOrEqualTo(timefold);
            timefoldOptimal += timefold.equals(best) ? 1 : 0;
            instance++;
        }
        System.out.println("EXACT few-orders instances=" + instances + " (of " + generated + " generated) orders 2/3/4="
                + orderCounts[2] + "/" + orderCounts[3] + "/" + orderCounts[4] + " branchAndBound=" + bounded
                + " timefoldAtOptimum=" + timefoldOptimal);
        assertThat(bounded).isEqualTo(instances);
        assertThat(orderCounts[2]).isPositive();
        assertThat(orderCounts[3]).isPositive();
        assertThat(orderCounts[4]).isPositive();
    }

    /** The most combinations the exhaustive check of branch and bound scores per instance. */
    private static final long EXHAUSTIVE_COMBINATIONS = 150_000;

    private static long combinationsBelow(List<LotAllocation> orders, long limit) {
        long combinations = 1;
        for (LotAllocation order : orders) {
            combinations *= order.getLotRange().getSize();
            if (combinations > limit) {
                return combinations;
            }
        }
        return combinations;
    }

    /** Every combination of allowed sizes scored in plain Java; all 0 when none is feasible. */
    private static long[] exhaustiveLots(AllocationProblem problem) {
        List<LotAllocation> allocations = PlanBuilder.allocations(problem);
        AllocationPlan plan = PlanBuilder.plan(problem, allocations);
        int n = allocations.size();
        long[] index = new long[n];
        allocations.forEach(allocation -> allocation.setLots(0));
        HardSoftLongScore best = AllocationScorer.score(plan);
        long[] bestLots = new long[n];
        while (true) {
            int i = 0;
            while (i < n && index[i] == allocations.get(i).getLotRange().getSize() - 1) {
                index[i] = 0;
                allocations.get(i).setLots(0);
                i++;
            }
            if (i == n) {
                return best.isFeasible() ? bestLots : new long[n];
            }
            index[i]++;
            allocations.get(i).setLots(allocations.get(i).getLotRange().get(index[i]));
            HardSoftLongScore score = AllocationScorer.score(plan);
            if (score.compareTo(best) > 0) {
                best = score;
                for (int j = 0; j < n; j++) {
                    bestLots[j] = allocations.get(j).getLots();
                }
            }
        }
    }

    /**
     * The problem's first two (lots 50 times finer), three (10 times finer) or four (5 times finer)
     * candidates, same caps and limits.
     */
    private static AllocationProblem fewOrdersWithFinerLots(AllocationProblem problem, Random random) {
        int count = Math.min(problem.candidates().size(), 2 + random.nextInt(3));
        int finer = count == 2 ? 50 : count == 3 ? 10 : 5;
        List<AllocationCandidate> candidates = problem.candidates().subList(0, count).stream()
                .map(candidate -> new AllocationCandidate(candidate.proposal(), candidate.maxQuantity(),
                        candidate.lotSize().divide(BigDecimal.valueOf(finer)), candidate.capReasons(),
                        candidate.predictedUpEdge()))
                .toList();
        return new AllocationProblem(candidates, problem.instruments(), problem.holdings(),
                problem.currentGrossExposure(), problem.account(), problem.limits(), problem.objective(),
                problem.covariance(), problem.stressedRegimes());
    }

    /** The path the exact sizer takes on the problem's sizable orders; empty when it leaves it to Timefold. */
    private static Optional<ExactSizer.Path> exactPath(AllocationProblem problem) {
        List<LotAllocation> sizable = sizable(problem);
        return sizable.isEmpty() ? Optional.empty() : ExactSizer.size(PlanBuilder.plan(problem, sizable));
    }

    private static List<LotAllocation> sizable(AllocationProblem problem) {
        return PlanBuilder.allocations(problem).stream().filter(LotAllocation::isSizable).toList();
    }

    /** Every allowed size of the only order, scored in plain Java (equal to the streams, see AllocationScorerTest). */
    private static long[] exhaustiveOneOrder(AllocationProblem problem) {
        List<LotAllocation> allocations = PlanBuilder.allocations(problem);
        LotAllocation order = allocations.get(0);
        AllocationPlan plan = PlanBuilder.plan(problem, allocations);
        HardSoftLongScore best = null;
        int bestLots = 0;
        for (long index = 0; index < order.getLotRange().getSize(); index++) {
            order.setLots(order.getLotRange().get(index));
            HardSoftLongScore score = AllocationScorer.score(plan);
            if (best == null || score.compareTo(best) > 0) {
                best = score;
                bestLots = order.getLots();
            }
        }
        return new long[] {best.isFeasible() ? bestLots : 0};
    }

    /** The problem's first candidate alone, its lot 10 to 10,000 times finer, same cap and limits. */
    private static AllocationProblem oneOrderWithFineLots(AllocationProblem problem, Random random) {
        AllocationCandidate first = problem.candidates().get(0);
        BigDecimal lotSize = first.lotSize().movePointLeft(1 + random.nextInt(4));
        AllocationCandidate fine = new AllocationCandidate(first.proposal(), first.maxQuantity(), lotSize,
                first.capReasons(), first.predictedUpEdge());
        return new AllocationProblem(List.of(fine), problem.instruments(), problem.holdings(),
                problem.currentGrossExposure(), problem.account(), problem.limits(), problem.objective(),
                problem.covariance(), problem.stressedRegimes());
    }
}
