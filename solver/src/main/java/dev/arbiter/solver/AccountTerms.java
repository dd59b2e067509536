package dev.arbiter.solver;

import static dev.arbiter.kb.Require.nonNegative;
import static dev.arbiter.kb.Require.positive;
import static dev.arbiter.kb.Require.present;

import java.math.BigDecimal;

/**
 * The account figures the portfolio limits are measured against.
 *
 * @param equity               account value marked to market, &ge; 0; shares and leverage are of it
 * @param freeBalance          cash available for new orders before open orders' reservations (may be
 *                             negative when the account is overdrawn)
 * @param reservedByOpenOrders part of the free balance working buy orders already hold, &ge; 0
 * @param marginUsed           margin the account already uses, &ge; 0; {@code null} when it reports no margin
 * @param marginCapacity       the account's margin capacity, &gt; 0; given together with {@code marginUsed}
 */
public record AccountTerms(BigDecimal equity, BigDecimal freeBalance, BigDecimal reservedByOpenOrders,
                           BigDecimal marginUsed, BigDecimal marginCapacity) {

    private static final String FACT = "AccountTerms";

    public AccountTerms {
        nonNegative(FACT, "equity", equity);
        present(FACT, "freeBalance", freeBalance);
        nonNegative(FACT, "reservedByOpenOrders", reservedByOpenOrders);
        if (marginUsed != null || marginCapacity != null) {
            nonNegative(FACT, "marginUsed", marginUsed);
            positive(FACT, "marginCapacity", marginCapacity);
        }
    }

    /** An account that reports no margin. */
    public AccountTerms(BigDecimal equity, BigDecimal freeBalance, BigDecimal reservedByOpenOrders) {
        this(equity, freeBalance, reservedByOpenOrders, null, null);
    }

    /** True when the account reports its margin used and capacity. */
    public boolean reportsMargin() {
        return marginUsed != null && marginCapacity != null;
    }

    /** What new buys may spend: free balance less what open orders reserved. */
    public BigDecimal available() {
        return freeBalance.subtract(reservedByOpenOrders);
    }
}
