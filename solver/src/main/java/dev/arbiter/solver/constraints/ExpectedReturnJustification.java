package dev.arbiter.solver.constraints;

import static dev.arbiter.kb.text.Figures.money;
import static dev.arbiter.kb.text.Figures.plain;

import java.math.BigDecimal;
import java.util.Objects;

/** What a traded order is expected to earn: its value times its expected return rate. */
public record ExpectedReturnJustification(String proposalId, BigDecimal notional, BigDecimal rate)
        implements AllocationJustification {

    public ExpectedReturnJustification {
        Objects.requireNonNull(proposalId, "proposalId");
        notional = notional.stripTrailingZeros();
        rate = rate.stripTrailingZeros();
    }

    public BigDecimal expectedReturn() {
        return rate.multiply(notional);
    }

    @Override
    public String description() {
        return proposalId + ": order value " + money(notional) + " at expected return " + plain(rate) + " adds "
                + money(expectedReturn());
    }
}
