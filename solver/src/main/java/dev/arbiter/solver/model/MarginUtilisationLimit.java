package dev.arbiter.solver.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The problem fact behind the margin-utilisation constraint, present when the account reports its margin:
 * (used + Σ buy value × marginRate) / capacity &le; maxMarginUtilisation, i.e. the margin the buys take
 * may not lift the margin used above maxMarginUtilisation × capacity (nor add to it when already above).
 *
 * @param maxMarginUtilisation the limit, a share of capacity
 * @param used                 margin used before the orders
 * @param capacity             the account's margin capacity, &gt; 0
 * @param marginRate           share of a buy's value it takes as margin (1 when the limits set none)
 */
public record MarginUtilisationLimit(BigDecimal maxMarginUtilisation, BigDecimal used, BigDecimal capacity,
                                     BigDecimal marginRate) {

    public MarginUtilisationLimit {
        Objects.requireNonNull(maxMarginUtilisation, "maxMarginUtilisation");
        Objects.requireNonNull(used, "used");
        Objects.requireNonNull(capacity, "capacity");
        Objects.requireNonNull(marginRate, "marginRate");
    }

    /** maxMarginUtilisation × capacity: the most margin that may be used. */
    public BigDecimal maxUsed() {
        return maxMarginUtilisation.multiply(capacity);
    }

    /** Margin used once buys worth {@code buys} are added. */
    public BigDecimal usedWith(BigDecimal buys) {
        return used.add(buys.multiply(marginRate));
    }

    /** Margin above maxUsed with buys worth {@code buys}, an existing breach not counted; ≤ 0 when within. */
    public BigDecimal excess(BigDecimal buys) {
        return PortfolioTerms.excess(used, usedWith(buys), maxUsed());
    }
}
