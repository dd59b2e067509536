package dev.arbiter.solver.model;

import java.util.Comparator;

/**
 * Orders allocations by conviction, lowest first, then by proposal id. The construction heuristic
 * places them in decreasing order: the highest-conviction order gets first call on the gross-exposure
 * budget, which is the greedy start of a knapsack.
 */
public final class ConvictionComparator implements Comparator<LotAllocation> {

    private static final Comparator<LotAllocation> ORDER = Comparator
            .comparing(LotAllocation::getConviction)
            .thenComparing(LotAllocation::getProposalId, Comparator.reverseOrder());

    @Override
    public int compare(LotAllocation left, LotAllocation right) {
        return ORDER.compare(left, right);
    }
}
