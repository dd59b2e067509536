package dev.arbiter.solver;

import static dev.arbiter.kb.Require.nonNegative;
import static dev.arbiter.kb.Require.present;

import java.math.BigDecimal;

/**
 * The account figures the portfolio limits are measured against.
 *
 * @param equity               account value marked to market, &ge; 0; shares and leverage are of it
 * @param freeBalance          cash available for new orders before open orders' reservations (may be
 *                             negative when the account is overdrawn)
 * @param reservedByOpenOrders part of the free balance working buy orders already hold, &ge; 0
 */
public record AccountTerms(BigDecimal equity, BigDecimal freeBalance, BigDecimal reservedByOpenOrders) {

    private static final String FACT = "AccountTerms";

    public AccountTerms {
        nonNegative(FACT, "equity", equity);
        present(FACT, "freeBalance", freeBalance);
        nonNegative(FACT, "reservedByOpenOrders", reservedByOpenOrders);
    }

    /** What new buys may spend: free balance less what open orders reserved. */
    public BigDecimal available() {
        return freeBalance.subtract(reservedByOpenOrders);
    }
}
