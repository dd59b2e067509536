package dev.arbiter.solver;

import java.math.BigDecimal;
import java.util.List;

/**
 * The best allocation by trying every combination of lots: the reference the solver's answer is
 * checked against. Exact BigDecimal arithmetic throughout, independent of the solver's score units.
 */
final class BruteForce {

    /** Best objective (Σ conviction × quantity × price) among allocations within every hard limit. */
    record Optimum(BigDecimal objective, long[] lots) {
    }

    private BruteForce() {
    }

    static Optimum optimum(AllocationProblem problem) {
        List<AllocationCandidate> candidates = problem.candidates();
        long[] maxLots = new long[candidates.size()];
        for (int i = 0; i < maxLots.length; i++) {
            maxLots[i] = candidates.get(i).maxQuantity().divideToIntegralValue(candidates.get(i).lotSize()).longValueExact();
        }
        long[] lots = new long[candidates.size()];
        long[] best = null;
        BigDecimal bestObjective = null;
        while (true) {
            BigDecimal gross = problem.currentGrossExposure();
            BigDecimal objective = BigDecimal.ZERO;
            for (int i = 0; i < lots.length; i++) {
                AllocationCandidate candidate = candidates.get(i);
                BigDecimal notional = candidate.lotSize().multiply(BigDecimal.valueOf(lots[i]))
                        .multiply(candidate.proposal().price());
                gross = gross.add(notional);
                objective = objective.add(BigDecimal.valueOf(candidate.proposal().conviction()).multiply(notional));
            }
            if (gross.compareTo(problem.maxGrossExposure()) <= 0
                    && (bestObjective == null || objective.compareTo(bestObjective) > 0)) {
                bestObjective = objective;
                best = lots.clone();
            }
            int i = 0;
            while (i < lots.length && lots[i] == maxLots[i]) {
                lots[i] = 0;
                i++;
            }
            if (i == lots.length) {
                return best == null ? null : new Optimum(bestObjective, best);
            }
            lots[i]++;
        }
    }

    /** Objective of an allocation the solver produced. */
    static BigDecimal objectiveOf(AllocationProblem problem, Allocation allocation) {
        BigDecimal objective = BigDecimal.ZERO;
        for (int i = 0; i < problem.candidates().size(); i++) {
            objective = objective.add(BigDecimal.valueOf(problem.candidates().get(i).proposal().conviction())
                    .multiply(allocation.orders().get(i).notional()));
        }
        return objective;
    }
}
