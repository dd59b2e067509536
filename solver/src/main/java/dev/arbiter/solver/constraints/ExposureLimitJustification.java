package dev.arbiter.solver.constraints;

import static dev.arbiter.kb.text.Figures.money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A portfolio limit the orders break: net exposure, leverage, free balance, or the exposure of one
 * instrument, cluster, sector or venue. Amounts keep no trailing zeros, so records compare numerically.
 *
 * @param limit    what is limited, in words, e.g. {@code "cluster majors exposure"}
 * @param existing what the account carried before the orders
 * @param after    the amount with the orders
 * @param cap      the limit, as money
 * @param capText  how the limit is set, e.g. {@code "30% of equity"}
 */
public record ExposureLimitJustification(String limit, BigDecimal existing, BigDecimal after, BigDecimal cap,
                                         String capText) implements AllocationJustification {

    public ExposureLimitJustification {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(capText, "capText");
        existing = existing.stripTrailingZeros();
        after = after.stripTrailingZeros();
        cap = cap.stripTrailingZeros();
    }

    @Override
    public String description() {
        return limit + " " + money(after) + " (existing " + money(existing) + ") is above its cap " + money(cap)
                + (capText.isEmpty() ? "" : " (" + capText + ")") + " by " + money(after.subtract(cap.max(existing)));
    }
}
