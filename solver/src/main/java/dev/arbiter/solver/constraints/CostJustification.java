package dev.arbiter.solver.constraints;

import static dev.arbiter.kb.text.Figures.money;
import static dev.arbiter.kb.text.Figures.plain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A cost proportional to a traded order's value.
 *
 * @param kind e.g. {@code "fees and slippage"} or {@code "turnover penalty"}
 */
public record CostJustification(String proposalId, String kind, BigDecimal notional, BigDecimal rate)
        implements AllocationJustification {

    public CostJustification {
        Objects.requireNonNull(proposalId, "proposalId");
        Objects.requireNonNull(kind, "kind");
        notional = notional.stripTrailingZeros();
        rate = rate.stripTrailingZeros();
    }

    public BigDecimal cost() {
        return rate.multiply(notional);
    }

    @Override
    public String description() {
        return proposalId + ": " + kind + " at " + plain(rate) + " of order value " + money(notional) + " cost "
                + money(cost());
    }
}
