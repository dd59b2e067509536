package dev.arbiter.solver;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Timefold's search alone ({@link CapitalAllocator#searchOnly}, the exact sizer off: it would take every
 * instance) against the exact optimum on the {@link OptimalityCorpus} ({@value OptimalityCorpus#INSTANCES}
 * seeded instances with every limit and the full objective). The exact optimum comes from trying every
 * combination of allowed sizes and scoring each with the same constraints. Prints the share solved to
 * optimum and the gaps (recorded in docs/benchmarks.md); asserts at least 99 % at the optimum.
 */
class OptimalityIT {

    private final CapitalAllocator allocator = CapitalAllocator.searchOnly(AllocatorSettings.defaults());

    @Test
    void reachesTheExactOptimumOnAtLeast99PercentOfSmallInstances() {
        List<AllocationProblem> problems = OptimalityCorpus.problems();
        int optimal = 0;
        List<Double> gaps = new ArrayList<>();
        int candidatesTotal = 0;
        for (int instance = 0; instance < problems.size(); instance++) {
            AllocationProblem problem = problems.get(instance);
            candidatesTotal += problem.candidates().size();
            Allocation allocation = allocator.allocate(problem);
            HardSoftLongScore found = HardSoftLongScore.parseScore(allocation.score());
            HardSoftLongScore best = OptimalityCorpus.exhaustive(allocator, problem);
            assertThat(allocation.feasible()).as("instance %d", instance).isEqualTo(best.isFeasible());
            assertThat(found).as("instance %d never better than the optimum", instance).isLessThanOrEqualTo(best);
            double gap = best.softScore() == found.softScore() ? 0.0
                    : (double) (best.softScore() - found.softScore()) / Math.max(1, Math.abs(best.softScore()));
            gaps.add(gap);
            if (found.equals(best)) {
                optimal++;
            }
        }
        double[] sorted = gaps.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("OPTIMALITY instances=%d meanCandidates=%.2f optimal=%d (%.1f%%) worstGap=%.6f "
                        + "medianGap=%.6f%n", problems.size(), (double) candidatesTotal / problems.size(), optimal,
                100.0 * optimal / problems.size(), sorted[sorted.length - 1], sorted[sorted.length / 2]);
        assertThat(optimal).isGreaterThanOrEqualTo((int) Math.ceil(0.99 * problems.size()));
    }
}
