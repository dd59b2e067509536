package dev.arbiter.solver;

import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.fact.Side;
import java.math.BigDecimal;
import java.util.List;

/** Small builders for the allocator tests: real symbols and prices, no nulls. */
final class Fixtures {

    private Fixtures() {
    }

    static Proposal proposal(String proposalId, String symbol, Side side, String quantity, String price,
                             double conviction) {
        return new Proposal(proposalId, "ACC-1", symbol, side, new BigDecimal(quantity), new BigDecimal(price),
                conviction, "strategy:test");
    }

    static AllocationCandidate uncapped(Proposal proposal, String lotSize) {
        return AllocationCandidate.uncapped(proposal, new BigDecimal(lotSize));
    }

    static AllocationCandidate capped(Proposal proposal, String maxQuantity, String lotSize, String... reasons) {
        return new AllocationCandidate(proposal, new BigDecimal(maxQuantity), new BigDecimal(lotSize), List.of(reasons));
    }

    static AllocationProblem problem(String maxGrossExposure, String currentGrossExposure,
                                     AllocationCandidate... candidates) {
        return new AllocationProblem(List.of(candidates), new BigDecimal(maxGrossExposure),
                new BigDecimal(currentGrossExposure));
    }
}
