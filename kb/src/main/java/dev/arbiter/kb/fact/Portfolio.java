package dev.arbiter.kb.fact;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.nonNegative;
import static dev.arbiter.kb.Require.present;

import java.math.BigDecimal;

/**
 * An account's book summed once by the engine ({@code dev.arbiter.kb.margin.BookFacts}) so that no rule sums
 * positions or orders itself.
 *
 * @param grossExposure     every position's notional and every working order's, long or short
 * @param netExposure       long notional minus short notional at the marks, with the working orders as if filled
 *                          (buys added, sells taken off)
 * @param reserved          what the working orders hold back from the free balance: a spot buy its value, a
 *                          perpetual order its initial margin ({@code dev.arbiter.kb.margin.OrderMargin})
 * @param initialMargin     what the positions tie up
 * @param maintenanceMargin what they must keep before they are liquidated
 * @param marginRatio       maintenance margin / equity: the venue liquidates at 1; 0 with nothing on margin
 */
public record Portfolio(String accountId, BigDecimal grossExposure, BigDecimal netExposure, BigDecimal reserved,
                        BigDecimal initialMargin, BigDecimal maintenanceMargin, BigDecimal marginRatio) {

    public Portfolio {
        identifier("Portfolio", "accountId", accountId);
        nonNegative("Portfolio", "grossExposure", grossExposure);
        present("Portfolio", "netExposure", netExposure);
        nonNegative("Portfolio", "reserved", reserved);
        nonNegative("Portfolio", "initialMargin", initialMargin);
        nonNegative("Portfolio", "maintenanceMargin", maintenanceMargin);
        nonNegative("Portfolio", "marginRatio", marginRatio);
    }
}
