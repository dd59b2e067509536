package dev.arbiter.solver.constraints;

import static dev.arbiter.kb.text.Figures.plain;
import static dev.arbiter.solver.model.Amounts.quantityOf;

import dev.arbiter.solver.model.LotAllocation;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order sized above the cap the risk rules set on its proposal.
 *
 * @param lots        lots chosen
 * @param maxQuantity the cap (trailing zeros stripped, so records compare numerically)
 * @param lotSize     the instrument's lot step (trailing zeros stripped)
 */
public record ProposalCapJustification(String proposalId, long lots, BigDecimal maxQuantity, BigDecimal lotSize)
        implements AllocationJustification {

    public ProposalCapJustification {
        Objects.requireNonNull(proposalId, "proposalId");
        maxQuantity = maxQuantity.stripTrailingZeros();
        lotSize = lotSize.stripTrailingZeros();
    }

    static ProposalCapJustification of(LotAllocation allocation) {
        return new ProposalCapJustification(allocation.getProposalId(), allocation.lotsOrZero(),
                allocation.getMaxQuantity(), allocation.getLotSize());
    }

    public BigDecimal quantity() {
        return quantityOf(lots, lotSize);
    }

    @Override
    public String description() {
        return proposalId + ": " + lots + " lots of " + plain(lotSize) + " make " + plain(quantity())
                + ", above its cap " + plain(maxQuantity);
    }
}
