package dev.arbiter.solver;

import static dev.arbiter.kb.Require.nonNegative;
import static dev.arbiter.kb.Require.positive;
import static dev.arbiter.kb.Require.present;

import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.fact.Proposal;
import java.math.BigDecimal;
import java.util.List;

/**
 * A proposal that survived the risk rules, with the smallest cap the rules set on it.
 *
 * @param proposal    the proposal; its quantity is the most it may trade
 * @param maxQuantity the smallest cap the rules set, 0 &le; maxQuantity &le; proposal quantity
 * @param lotSize     the instrument's lot step, &gt; 0; orders are whole multiples of it
 * @param capReasons  reason codes of the caps that set {@code maxQuantity}; required when the cap is
 *                    below the proposal's quantity, may be empty when it equals it
 * @param predictedUpEdge what the models predict for the instrument's next move, -1..1: the
 *                    confidence-weighted {@code 2 × probabilityUp − 1} (0 without predictions). The
 *                    objective reads it in the order's direction: +edge for a buy, −edge for a sell
 */
public record AllocationCandidate(Proposal proposal, BigDecimal maxQuantity, BigDecimal lotSize,
                                  List<String> capReasons, double predictedUpEdge) {

    private static final String FACT = "AllocationCandidate";

    public AllocationCandidate {
        present(FACT, "proposal", proposal);
        nonNegative(FACT, "maxQuantity", maxQuantity);
        if (maxQuantity.compareTo(proposal.quantity()) > 0) {
            throw new InvalidFactException(FACT, "maxQuantity", maxQuantity,
                    "a number <= the proposal's quantity (" + proposal.quantity().toPlainString()
                            + " for " + proposal.proposalId() + ")");
        }
        positive(FACT, "lotSize", lotSize);
        present(FACT, "capReasons", capReasons);
        for (String reason : capReasons) {
            if (reason == null || reason.isBlank()) {
                throw new InvalidFactException(FACT, "capReasons", capReasons,
                        "a list of non-blank reason codes, e.g. [L1-MAX-ORDER-QTY]");
            }
        }
        capReasons = List.copyOf(capReasons);
        if (capReasons.isEmpty() && maxQuantity.compareTo(proposal.quantity()) < 0) {
            throw new InvalidFactException(FACT, "capReasons", capReasons,
                    "the reason codes of the caps that set maxQuantity " + maxQuantity.toPlainString()
                            + " below the proposal's quantity " + proposal.quantity().toPlainString());
        }
        if (!(predictedUpEdge >= -1.0 && predictedUpEdge <= 1.0)) {
            throw new InvalidFactException(FACT, "predictedUpEdge", predictedUpEdge,
                    "a number in -1..1 (2 x probabilityUp - 1, weighted by confidence; 0 without predictions)");
        }
    }

    /** A candidate without predictions. */
    public AllocationCandidate(Proposal proposal, BigDecimal maxQuantity, BigDecimal lotSize, List<String> capReasons) {
        this(proposal, maxQuantity, lotSize, capReasons, 0.0);
    }

    /** A candidate the rules did not cap: it may trade the full quantity proposed. */
    public static AllocationCandidate uncapped(Proposal proposal, BigDecimal lotSize) {
        return new AllocationCandidate(proposal, proposal.quantity(), lotSize, List.of());
    }
}
