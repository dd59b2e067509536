package dev.arbiter.solver.constraints;

import static dev.arbiter.kb.text.Figures.money;

import java.math.BigDecimal;
import java.util.Objects;

/** An order traded below the venue's minimum order value. Amounts keep no trailing zeros. */
public record MinNotionalJustification(String proposalId, BigDecimal notional, BigDecimal minNotional)
        implements AllocationJustification {

    public MinNotionalJustification {
        Objects.requireNonNull(proposalId, "proposalId");
        notional = notional.stripTrailingZeros();
        minNotional = minNotional.stripTrailingZeros();
    }

    @Override
    public String description() {
        return proposalId + ": order value " + money(notional) + " is below the venue's minimum " + money(minNotional);
    }
}
