package dev.arbiter.solver;

import static dev.arbiter.kb.Require.nonNegative;
import static dev.arbiter.kb.Require.present;

import dev.arbiter.kb.InvalidFactException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        Map<String, Integer> proposalIdToIndex = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            AllocationCandidate candidate = candidates.get(i);
            if (candidate == null) {
                throw new InvalidFactException(FACT, "candidates[" + i + "]", null, "a candidate (the list holds no nulls)");
            }
            String proposalId = candidate.proposal().proposalId();
            Integer earlier = proposalIdToIndex.putIfAbsent(proposalId, i);
            if (earlier != null) {
                throw new InvalidFactException(FACT, "candidates[" + i + "].proposal.proposalId", proposalId,
                        "a proposal id no earlier candidate uses (candidates[" + earlier + "] does); "
                                + "at most one candidate per proposal");
            }
        }
        candidates = List.copyOf(candidates);
        nonNegative(FACT, "maxGrossExposure", maxGrossExposure);
        nonNegative(FACT, "currentGrossExposure", currentGrossExposure);
    }
}
