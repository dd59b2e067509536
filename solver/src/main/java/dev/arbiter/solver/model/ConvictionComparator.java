package dev.arbiter.solver.model;

import java.util.Comparator;

/**
 * Orders allocations by expected return per unit of value (conviction when the objective weighs
 * nothing else), lowest first, then by conviction and proposal id. The construction heuristic
 * places them in decreasing order: the highest-conviction order gets first call on the gross-exposure
 * budget, which is the greedy start of a knapsack.
 */
public final class ConvictionComparator implements Comparator<LotAllocation> {

    private static final Comparator<LotAllocation> ORDER = Comparator
            .comparing(LotAllocation::getExpectedReturnRate)
            .thenComparing(LotAllocation::getConviction)
            .thenComparing(LotAllocation::getProposalId, Comparator.reverseOrder());

    @Override
    public int compare(LotAllocation left, LotAllocation right) {
        return ORDER.compare(left, right);
    }
}
