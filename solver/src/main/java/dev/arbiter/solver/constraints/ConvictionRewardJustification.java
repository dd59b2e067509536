package dev.arbiter.solver.constraints;

import static dev.arbiter.solver.model.Amounts.money;
import static dev.arbiter.solver.model.Amounts.plain;

import dev.arbiter.solver.model.LotAllocation;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a traded order contributes to the objective: its notional weighted by its proposal's
 * conviction. Amounts keep no trailing zeros, so records compare numerically.
 */
public record ConvictionRewardJustification(String proposalId, BigDecimal notional, BigDecimal conviction)
        implements AllocationJustification {

    public ConvictionRewardJustification {
        Objects.requireNonNull(proposalId, "proposalId");
        notional = notional.stripTrailingZeros();
        conviction = conviction.stripTrailingZeros();
    }

    static ConvictionRewardJustification of(LotAllocation allocation) {
        return new ConvictionRewardJustification(allocation.getProposalId(), allocation.notional(),
                allocation.getConviction());
    }

    public BigDecimal convictionWeightedNotional() {
        return conviction.multiply(notional);
    }

    @Override
    public String description() {
        return proposalId + ": notional " + money(notional) + " at conviction " + plain(conviction) + " adds "
                + money(convictionWeightedNotional()) + " of conviction-weighted notional";
    }
}
