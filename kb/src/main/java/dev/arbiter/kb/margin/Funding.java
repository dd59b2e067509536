package dev.arbiter.kb.margin;

import java.math.BigDecimal;

/**
 * Perpetual funding: at each funding time, longs pay shorts rate &times; notional at the mark when the rate is
 * positive, and shorts pay longs when it is negative.
 */
public final class Funding {

    private Funding() {
    }

    /**
     * What the position's holder receives (negative: pays) at one funding time.
     *
     * @param quantity signed position
     * @param rate     the funding rate for the interval, a fraction (0.0001 = 0.01 %)
     */
    public static BigDecimal payment(ContractTerms terms, BigDecimal quantity, BigDecimal mark, BigDecimal rate) {
        return quantity.multiply(terms.contractSize()).multiply(mark).multiply(rate).negate();
    }
}
