package dev.arbiter.solver;

import static dev.arbiter.kb.Require.nonNegative;
import static dev.arbiter.kb.Require.present;

import dev.arbiter.kb.InvalidFactException;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What to allocate: the candidates, and the gross-exposure limit they share. Gross exposure is the
 * sum over the new orders of quantity × price (buys and sells both count) plus
 * {@code currentGrossExposure}; it must stay at or below {@code maxGrossExposure}.
 *
 * @param candidates           in the order the allocation reports them; proposal ids unique
 * @param maxGrossExposure     the limit, &ge; 0
 * @param currentGrossExposure exposure already carried by existing positions and open orders, &ge; 0
 */
public record AllocationProblem(List<AllocationCandidate> candidates, BigDecimal maxGrossExposure,
                                BigDecimal currentGrossExposure) {

    private static final String FACT = "AllocationProblem";

    public AllocationProblem {
        present(FACT, "candidates", candidates);
        Set<String> proposalIds = new HashSet<>();
        for (AllocationCandidate candidate : candidates) {
            if (candidate == null) {
                throw new InvalidFactException(FACT, "candidates", "a list holding null",
                        "a list of candidates without nulls");
            }
            String proposalId = candidate.proposal().proposalId();
            if (!proposalIds.add(proposalId)) {
                throw new InvalidFactException(FACT, "candidates", "two candidates for proposal " + proposalId,
                        "at most one candidate per proposal id");
            }
        }
        candidates = List.copyOf(candidates);
        nonNegative(FACT, "maxGrossExposure", maxGrossExposure);
        nonNegative(FACT, "currentGrossExposure", currentGrossExposure);
    }
}
